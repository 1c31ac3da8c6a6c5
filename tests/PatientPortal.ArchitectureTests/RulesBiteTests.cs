using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.ArchitectureTests.Rules;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using Quartz;
using Shouldly;
using Xunit;

namespace PatientPortal.ArchitectureTests;

/// <summary>
/// Each rule run over code that breaks it, so that the rules passing on the portal means something. The broken modules
/// live in tests/ArchitectureFixtures; the broken event, job and DbContext are below.
/// </summary>
public sealed class RulesBiteTests
{
    private const string Billing = "PatientPortal.Modules.FixtureBilling";
    private const string Shipping = "PatientPortal.Modules.FixtureShipping";
    private const string Planner = "PatientPortal.Modules.FixtureShipping.ShippingPlanner";
    private const string Ledger = "PatientPortal.Modules.FixtureBilling.Data.BillingLedger";

    [Fact]
    public void A_module_using_another_modules_implementation_is_caught() =>
        ModuleRules.ModulesUseNoOtherModuleButItsContracts([Billing, Shipping]).ShouldBe(
        [
            $"{Shipping} references assembly {Billing} (module FixtureBilling internals)",
            $"{Planner} uses {Ledger} (module FixtureBilling internals)",
        ]);

    [Fact]
    public void Contracts_using_a_module_implementation_are_caught() =>
        ModuleRules.ContractsUseOnlyBuildingBlocksMediatRAndTheBcl([Shipping])
            .ShouldContain($"{Planner} uses {Ledger} ({Billing} is not BuildingBlocks, MediatR or the base class library)");

    [Fact]
    public void Building_blocks_using_a_module_are_caught() =>
        ModuleRules.BuildingBlocksUseNoModule(Shipping).ShouldContain($"{Planner} uses {Ledger} (module FixtureBilling)");

    [Fact]
    public void A_host_using_a_module_type_other_than_its_entry_class_is_caught() =>
        ModuleRules.HostUsesModulesOnlyThroughTheirEntryClass(Shipping).ShouldBe(
            [$"{Planner} uses {Ledger} (module FixtureBilling internals: the host may only call FixtureBillingModule.AddFixtureBillingModule)"]);

    [Fact]
    public void A_public_handler_or_entity_is_caught() =>
        TypeRules.ModuleInternalsAreNotPublic(Assembly.Load(Billing)).ShouldBe(
        [
            "PatientPortal.Modules.FixtureBilling.Domain.Invoice is public but is an entity: make it internal",
            "PatientPortal.Modules.FixtureBilling.Features.PayInvoice+Handler is public but is a handler: make it internal",
        ], ignoreOrder: true);

    [Fact]
    public void A_mutable_integration_event_is_caught() =>
        TypeRules.IntegrationEventsAreImmutableRecords([typeof(MutableEvent)])
            .ShouldBe([$"{typeof(MutableEvent).FullName}.Note has a public setter: make it init"]);

    [Fact]
    public void A_job_allowing_concurrent_runs_is_caught() =>
        TypeRules.JobsDisallowConcurrentExecution([typeof(OverlappingJob), typeof(NonOverlappingJob)])
            .ShouldBe([$"{typeof(OverlappingJob).FullName} is a Quartz job without [DisallowConcurrentExecution]"]);

    [Fact]
    public void A_db_context_in_another_modules_schema_is_caught()
    {
        var configuration = SchemaRules.PostgresConfigurationFor("Shipping");
        var services = new ServiceCollection()
            .AddBuildingBlocks(configuration)
            .AddModuleDatabase<MisplacedDbContext, MisplacedDbContext, MisplacedDbContext>(configuration, "Shipping");

        SchemaRules.DbContextSchemasAre("shipping", services)
            .ShouldBe([$"{typeof(MisplacedDbContext).FullName} has default schema 'billing', expected 'shipping'"]);
    }

    private sealed record MutableEvent : IntegrationEvent
    {
        public string Note { get; set; } = "";
    }

    private sealed class OverlappingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [DisallowConcurrentExecution]
    private sealed class NonOverlappingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class MisplacedDbContext(DbContextOptions<MisplacedDbContext> options) : ModuleDbContext(options)
    {
        public override string Schema => "billing";
    }
}
