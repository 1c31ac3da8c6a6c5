using static PatientPortal.ArchitectureTests.Rules.Architecture;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>
/// Rules 1–4: which assemblies may use which. Each looks at both the assembly references and every type use, since
/// the compiler drops a reference nothing uses and a used type names the offender.
/// </summary>
internal static class ModuleRules
{
    /// <summary>Rule 1: a module uses its own assemblies and other modules' Contracts, never another module's implementation.</summary>
    public static IReadOnlyList<string> ModulesUseNoOtherModuleButItsContracts(IEnumerable<string> moduleAssemblies) =>
    [
        .. moduleAssemblies.SelectMany(assembly => Violations(assembly, target =>
            ModuleOf(target) is { } other && other != ModuleOf(assembly) && !IsContracts(target) ? $"module {other} internals" : null)),
    ];

    /// <summary>Rule 2: Contracts are shared by every module, so they carry nothing but BuildingBlocks, MediatR and the base class library.</summary>
    public static IReadOnlyList<string> ContractsUseOnlyBuildingBlocksMediatRAndTheBcl(IEnumerable<string> contractsAssemblies) =>
    [
        .. contractsAssemblies.SelectMany(assembly => Violations(assembly, target =>
            ContractsMayUse(target) ? null : $"{target} is not BuildingBlocks, MediatR or the base class library")),
    ];

    /// <summary>Rule 3: the building blocks serve every module and know none.</summary>
    public static IReadOnlyList<string> BuildingBlocksUseNoModule(string buildingBlocks) =>
        [.. Violations(buildingBlocks, target => ModuleOf(target) is { } module ? $"module {module}" : null)];

    /// <summary>Rule 4: from a module's implementation the host may use only the entry class (to call Add{Module}Module).</summary>
    public static IReadOnlyList<string> HostUsesModulesOnlyThroughTheirEntryClass(string host) =>
    [
        .. (from use in Dependencies.Of(Read(host))
            let module = ModuleOf(use.UsedAssembly)
            where module is not null && use.UsedAssembly != host && !IsContracts(use.UsedAssembly) && use.Used != EntryClassOf(module)
            select $"{use.User} uses {use.Used} (module {module} internals: the host may only call {module}Module.Add{module}Module)")
            .Distinct(),
    ];

    private static bool ContractsMayUse(string assembly) =>
        assembly is Architecture.BuildingBlocks or "MediatR" or "System" or "mscorlib" or "netstandard"
        || assembly.StartsWith("System.", StringComparison.Ordinal)
        || (assembly.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && assembly.EndsWith(".Abstractions", StringComparison.Ordinal));

    /// <summary>Every reference and type use of the assembly that <paramref name="forbidden"/> gives a reason against.</summary>
    private static IEnumerable<string> Violations(string assembly, Func<string, string?> forbidden)
    {
        var definition = Read(assembly);
        var references =
            from reference in definition.MainModule.AssemblyReferences
            let reason = forbidden(reference.Name)
            where reason is not null
            select $"{assembly} references assembly {reference.Name} ({reason})";
        var uses =
            from use in Dependencies.Of(definition)
            where use.UsedAssembly != assembly
            let reason = forbidden(use.UsedAssembly)
            where reason is not null
            select $"{use.User} uses {use.Used} ({reason})";
        return references.Concat(uses).Distinct();
    }
}
