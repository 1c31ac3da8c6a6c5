using ArchUnitNET.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.ArchitectureTests.Rules;
using MediatR;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using Quartz;
using Shouldly;
using Xunit;

namespace PatientPortal.ArchitectureTests;

/// <summary>
/// Each rule run over code that breaks it, so that the rules passing on the portal means something. The broken modules
/// live in tests/ArchitectureFixtures; the broken event, job and DbContext are below. The broken code gets an
/// architecture of its own, so that it never reaches the rules that check the portal.
/// </summary>
public sealed class RulesBiteTests
{
    private const string Billing = "PatientPortal.Modules.FixtureBilling";
    private const string Shipping = "PatientPortal.Modules.FixtureShipping";
    private const string Planner = "PatientPortal.Modules.FixtureShipping.ShippingPlanner";
    private const string Startup = "PatientPortal.Modules.FixtureShipping.ShippingStartup";
    private const string Reminders = "PatientPortal.Modules.FixtureShipping.ShippingReminders";
    private const string Quotes = "PatientPortal.Modules.FixtureShipping.ShippingQuotes";

    private static readonly Architecture Fixtures = Portal.Load([Billing, Shipping, typeof(RulesBiteTests).Assembly.GetName().Name!]);

    // ShippingReminders and ShippingQuotes use Billing only after an await and inside a lambda: code the compiler moves
    // into a state machine and a closure class. Catching them shows the rules read those method bodies too.
    [Fact]
    public void A_module_using_another_modules_implementation_is_caught() =>
        ModuleRules.ModulesUseNoOtherModuleButItsContracts(["FixtureBilling", "FixtureShipping"])
            .ShouldCatchExactly(Fixtures, Planner, Startup, Reminders, Quotes);

    [Fact]
    public void Contracts_using_a_module_implementation_are_caught() =>
        ModuleRules.ContractsUseOnlyBuildingBlocksMediatRAndTheBcl([Shipping])
            .ShouldCatchExactly(Fixtures, Planner, Startup, Reminders, Quotes);

    [Fact]
    public void Building_blocks_using_a_module_are_caught() =>
        ModuleRules.BuildingBlocksUseNoModule(Shipping).ShouldCatchExactly(Fixtures, Planner, Startup, Reminders, Quotes);

    // ShippingStartup calls FixtureBillingModule.AddFixtureBillingModule(), the one call the host may make.
    [Fact]
    public void A_host_using_a_module_type_other_than_its_entry_class_is_caught() =>
        ModuleRules.HostUsesModulesOnlyThroughTheirEntryClass(Shipping).ShouldCatchExactly(Fixtures, Planner, Reminders, Quotes);

    [Fact]
    public void A_public_handler_db_context_or_entity_is_caught() =>
        TypeRules.HandlersValidatorsDbContextsAndEntitiesAreNotPublic(["FixtureBilling"]).ShouldCatchExactly(
            Fixtures,
            "PatientPortal.Modules.FixtureBilling.Data.BillingDbContext",
            "PatientPortal.Modules.FixtureBilling.Data.Payment",
            "PatientPortal.Modules.FixtureBilling.Domain.Invoice",
            "PatientPortal.Modules.FixtureBilling.Features.PayInvoice+Handler");

    // FixtureBillingModule and FixtureBillingOptions (with its nested section) are public and allowed to be.
    [Fact]
    public void A_public_module_type_other_than_the_entry_class_and_options_is_caught() =>
        TypeRules.ModuleTypesAreNotPublicButItsEntryClassAndOptions(["FixtureBilling"]).ShouldCatchExactly(
            Fixtures,
            "PatientPortal.Modules.FixtureBilling.Data.BillingDbContext",
            "PatientPortal.Modules.FixtureBilling.Data.BillingLedger",
            "PatientPortal.Modules.FixtureBilling.Data.Payment",
            "PatientPortal.Modules.FixtureBilling.Domain.Invoice",
            "PatientPortal.Modules.FixtureBilling.Features.PayInvoice",
            "PatientPortal.Modules.FixtureBilling.Features.PayInvoice+Command",
            "PatientPortal.Modules.FixtureBilling.Features.PayInvoice+Handler",
            "PatientPortal.Modules.FixtureBilling.Pricing.PriceCalculator");

    [Fact]
    public void A_host_sending_a_modules_only_request_is_caught() =>
        ModuleRules.HostSendsNoModulesOnlyRequest(typeof(RulesBiteTests).Assembly.GetName().Name!)
            .ShouldCatchExactly(Fixtures, typeof(PageAskingForRecipients).FullName!);

    [Fact]
    public void A_mutable_integration_event_is_caught() =>
        TypeRules.IntegrationEventsAreImmutableRecords().ShouldCatchExactly(Fixtures, typeof(MutableEvent).FullName!);

    [Fact]
    public void A_job_allowing_concurrent_runs_is_caught() =>
        TypeRules.JobsDisallowConcurrentExecution().ShouldCatchExactly(Fixtures, typeof(OverlappingJob).FullName!);

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

    [ModulesOnly]
    private sealed record RecipientsQuery(Guid ProfileId) : IRequest<bool>;

    private sealed class PageAskingForRecipients(IMediator mediator)
    {
        public Task<bool> OnGetAsync(Guid profileId) => mediator.Send(new RecipientsQuery(profileId));
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
