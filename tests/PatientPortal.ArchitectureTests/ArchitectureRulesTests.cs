using System.Reflection;
using PatientPortal.ArchitectureTests.Rules;
using Shouldly;
using Xunit;

namespace PatientPortal.ArchitectureTests;

/// <summary>The seven rules of the house style ("Architecture rules worth testing"), checked on the real portal.</summary>
public sealed class ArchitectureRulesTests
{
    // The modules the house style names; a new module is picked up by itself, a missing one fails the first test.
    private static readonly string[] KnownModules = ["Accounts", "Appointments", "Inbox", "Profiles"];

    public static TheoryData<string> EveryModule => new(Architecture.Modules);

    // Without this, a rule over an empty list of modules would pass for nothing.
    [Fact]
    public void The_rules_see_every_module_with_its_contracts()
    {
        KnownModules.ShouldBeSubsetOf(Architecture.Modules);
        foreach (var assembly in Architecture.PortalAssemblies)
        {
            File.Exists(Path.Combine(AppContext.BaseDirectory, assembly + ".dll")).ShouldBeTrue($"{assembly}.dll is not in the test output");
        }
    }

    // The host's calls to Add{Module}Module sit in a method body: seeing them shows the rules read method bodies.
    [Fact]
    public void The_rules_see_the_host_call_each_module_entry_point() =>
        Architecture.Modules.Select(Architecture.EntryClassOf)
            .ShouldBeSubsetOf(Dependencies.Of(Architecture.Read(Architecture.Host)).Select(use => use.Used));

    [Fact]
    public void A_module_references_no_other_module_except_its_contracts() =>
        ModuleRules.ModulesUseNoOtherModuleButItsContracts(Architecture.ModuleAssemblies).ShouldBeNone();

    [Fact]
    public void Contracts_depend_only_on_building_blocks_mediatr_and_the_base_class_library() =>
        ModuleRules.ContractsUseOnlyBuildingBlocksMediatRAndTheBcl(Architecture.Contracts).ShouldBeNone();

    [Fact]
    public void Building_blocks_depend_on_no_module() =>
        ModuleRules.BuildingBlocksUseNoModule(Architecture.BuildingBlocks).ShouldBeNone();

    [Fact]
    public void The_host_uses_a_module_implementation_only_through_its_entry_class() =>
        ModuleRules.HostUsesModulesOnlyThroughTheirEntryClass(Architecture.Host).ShouldBeNone();

    [Theory]
    [MemberData(nameof(EveryModule))]
    public void Handlers_validators_db_contexts_and_entities_are_not_public(string module) =>
        TypeRules.ModuleInternalsAreNotPublic(Assembly.Load(Architecture.ImplementationOf(module))).ShouldBeNone();

    [Fact]
    public void Integration_events_are_immutable_records() =>
        TypeRules.IntegrationEventsAreImmutableRecords(Architecture.PortalAssemblies.SelectMany(Architecture.TypesOf)).ShouldBeNone();

    [Fact]
    public void Every_quartz_job_disallows_concurrent_execution() =>
        TypeRules.JobsDisallowConcurrentExecution(Architecture.PortalAssemblies.SelectMany(Architecture.TypesOf)).ShouldBeNone();

    [Theory]
    [MemberData(nameof(EveryModule))]
    public void A_module_db_context_schema_is_its_module_name_lower_cased(string module) =>
        SchemaRules.ModuleSchemaIsItsName(module).ShouldBeNone();
}
