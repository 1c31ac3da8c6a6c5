using System.Text.RegularExpressions;
using ArchUnitNET.Fluent;
using ArchUnitNET.xUnit;
using PatientPortal.ArchitectureTests.Rules;
using Shouldly;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace PatientPortal.ArchitectureTests;

/// <summary>The rules of the house style ("Architecture rules worth testing"), checked on the real portal.</summary>
public sealed class ArchitectureRulesTests
{
    // The modules the house style names; a new module is picked up by itself, a missing one fails the first test.
    private static readonly string[] KnownModules = ["Accounts", "Activity", "Appointments", "Audit", "Inbox", "Profiles"];

    public static TheoryData<string> EveryModule => new(Portal.Modules);

    // Without this, a rule over an empty list of modules would pass for nothing. (Each ArchUnitNET rule also fails when
    // its "That()" finds no type; only the Contracts rule allows an empty Contracts assembly.)
    [Fact]
    public void The_rules_see_every_module_with_its_contracts()
    {
        KnownModules.ShouldBeSubsetOf(Portal.Modules);
        Portal.Assemblies.ShouldBeSubsetOf(Portal.Architecture.Assemblies.Select(assembly => assembly.Name));
        var assembliesWithTypes = Portal.Architecture.Types.Select(type => type.Assembly.Name).Distinct().ToList();
        Portal.Implementations.Append(Portal.Host).Append(Portal.BuildingBlocks).ShouldBeSubsetOf(assembliesWithTypes);
    }

    // The host's calls to Add{Module}Module sit in a method body: seeing them shows the rules read method bodies.
    [Fact]
    public void The_rules_see_the_host_call_each_module_entry_point() =>
        Portal.Modules
            .Select(module => (IArchRule)MethodMembers().That().HaveNameStartingWith($"Add{module}Module(")
                .Should().BeCalledBy(Types().That().ResideInAssemblyMatching($"^{Regex.Escape(Portal.Host)},")))
            .Aggregate((rules, rule) => rules.And(rule))
            .Check(Portal.Architecture);

    [Fact]
    public void A_module_references_no_other_module_except_its_contracts() =>
        ModuleRules.ModulesUseNoOtherModuleButItsContracts(Portal.Modules).Check(Portal.Architecture);

    [Fact]
    public void Contracts_depend_only_on_building_blocks_mediatr_and_the_base_class_library() =>
        ModuleRules.ContractsUseOnlyBuildingBlocksMediatRAndTheBcl(Portal.Contracts).Check(Portal.Architecture);

    [Fact]
    public void Building_blocks_depend_on_no_module() =>
        ModuleRules.BuildingBlocksUseNoModule(Portal.BuildingBlocks).Check(Portal.Architecture);

    [Fact]
    public void The_host_uses_a_module_implementation_only_through_its_entry_class() =>
        ModuleRules.HostUsesModulesOnlyThroughTheirEntryClass(Portal.Host).Check(Portal.Architecture);

    [Fact]
    public void The_host_sends_no_modules_only_request() =>
        ModuleRules.HostSendsNoModulesOnlyRequest(Portal.Host).Check(Portal.Architecture);

    [Fact]
    public void Handlers_validators_db_contexts_and_entities_are_not_public() =>
        TypeRules.HandlersValidatorsDbContextsAndEntitiesAreNotPublic(Portal.Modules).Check(Portal.Architecture);

    [Fact]
    public void A_module_makes_public_only_its_entry_class_and_options() =>
        TypeRules.ModuleTypesAreNotPublicButItsEntryClassAndOptions(Portal.Modules).Check(Portal.Architecture);

    [Fact]
    public void Integration_events_are_immutable_records() =>
        TypeRules.IntegrationEventsAreImmutableRecords().Check(Portal.Architecture);

    [Fact]
    public void Every_quartz_job_disallows_concurrent_execution() =>
        TypeRules.JobsDisallowConcurrentExecution().Check(Portal.Architecture);

    [Theory]
    [MemberData(nameof(EveryModule))]
    public void A_module_db_context_schema_is_its_module_name_lower_cased(string module) =>
        SchemaRules.ModuleSchemaIsItsName(module).ShouldBeNone();
}
