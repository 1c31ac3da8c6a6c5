using System.Text.RegularExpressions;
using ArchUnitNET.Fluent;
using PatientPortal.BuildingBlocks.Identity;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static PatientPortal.ArchitectureTests.Rules.Portal;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>
/// Rules 1–4: which assemblies may use which. ArchUnitNET sees every use of a type: signatures, attributes and the IL
/// of method bodies. It matches an assembly by its full name ("Name, Version=…"), hence the patterns below.
/// </summary>
internal static class ModuleRules
{
    /// <summary>Rule 1: a module uses its own assemblies and other modules' Contracts, never another module's implementation.</summary>
    public static IArchRule ModulesUseNoOtherModuleButItsContracts(IEnumerable<string> modules) =>
        modules.Select(module => (IArchRule)Types().That().ResideInAssemblyMatching(AssemblyOfModule(module))
                .Should().NotDependOnAnyTypesThat().ResideInAssemblyMatching(ImplementationOfAnotherModule(module))
                .Because($"module {module} may use another module only through its Contracts"))
            .Aggregate((rules, rule) => rules.And(rule));

    /// <summary>
    /// Rule 2: Contracts are shared by every module, so they carry nothing but BuildingBlocks, MediatR and the base class
    /// library. A module may have no Contracts types yet (nothing else calls it), so an empty Contracts assembly passes;
    /// the sanity test makes sure every Contracts assembly is loaded.
    /// </summary>
    public static IArchRule ContractsUseOnlyBuildingBlocksMediatRAndTheBcl(IEnumerable<string> contracts) =>
        contracts.Select(assembly => (IArchRule)Types().That().ResideInAssemblyMatching(Exactly(assembly))
                .Should().NotDependOnAnyTypesThat().DoNotResideInAssemblyMatching(ContractsMayUse(assembly))
                .Because("Contracts carry nothing but BuildingBlocks, MediatR and the base class library")
                .WithoutRequiringPositiveResults())
            .Aggregate((rules, rule) => rules.And(rule));

    /// <summary>Rule 3: the building blocks serve every module and know none.</summary>
    public static IArchRule BuildingBlocksUseNoModule(string buildingBlocks) =>
        Types().That().ResideInAssemblyMatching(Exactly(buildingBlocks))
            .Should().NotDependOnAnyTypesThat().ResideInAssemblyMatching($"^(?!{Regex.Escape(buildingBlocks)},)PatientPortal\\.Modules\\.")
            .Because("the building blocks serve every module and know none");

    /// <summary>
    /// Rule 4: from a module's implementation the host may use only the entry class (to call Add{Module}Module);
    /// everything else, DbContexts and entities included, it reaches through the module's Contracts.
    /// </summary>
    public static IArchRule HostUsesModulesOnlyThroughTheirEntryClass(string host) =>
        Types().That().ResideInAssemblyMatching(Exactly(host))
            .Should().NotDependOnAny(Types(true).That().ResideInAssemblyMatching(AnyModuleImplementation)
                .And().DoNotHaveFullNameMatching(EntryClass).As("a module type other than its entry class"))
            .Because("the host may only call {Module}Module.Add{Module}Module and send the module's Contracts");

    /// <summary>
    /// Rule 4b: requests marked [ModulesOnly] answer whoever is signed in (a notice's recipients and their addresses,
    /// whether an email's recipient still has access), for modules queuing emails or acting on email links; a page that
    /// sent one would read another family's data with a form's id.
    /// </summary>
    public static IArchRule HostSendsNoModulesOnlyRequest(string host) =>
        Types().That().ResideInAssemblyMatching(Exactly(host)).And().DoNotHaveAnyAttributes(typeof(ModulesOnlyAttribute))
            .Should().NotDependOnAny(Types(true).That().HaveAnyAttributes(typeof(ModulesOnlyAttribute)).As("a [ModulesOnly] request"))
            .Because("a [ModulesOnly] request does not ask who is signed in: only modules send it, never pages");

    // "PatientPortal.Modules.Accounts, Version=…" but not "PatientPortal.Modules.Accounts.Contracts, …".
    private const string AnyModuleImplementation = @"^PatientPortal\.Modules\.[^.,]+,";

    // "PatientPortal.Modules.Accounts.AccountsModule": the class named after the module, in the module's root namespace.
    private const string EntryClass = @"^PatientPortal\.Modules\.(?<module>[^.]+)\.\k<module>Module$";

    private static string Exactly(string assembly) => $"^{Regex.Escape(assembly)},";

    private static string AssemblyOfModule(string module) => $"^{Regex.Escape(ImplementationOf(module))}(\\.Contracts)?,";

    private static string ImplementationOfAnotherModule(string module) =>
        $"^PatientPortal\\.Modules\\.(?!{Regex.Escape(module)},)[^.,]+,";

    // Its own types, BuildingBlocks, MediatR and the base class library (System.*, with the runtime's own assemblies).
    private static string ContractsMayUse(string contracts) =>
        $"^({Regex.Escape(contracts)}|{Regex.Escape(Portal.BuildingBlocks)}|MediatR|System(\\.[^,]+)?|mscorlib|netstandard),";
}
