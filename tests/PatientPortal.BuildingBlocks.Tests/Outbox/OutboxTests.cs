using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Tests.TestData;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Outbox;

public sealed class OutboxTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_event_saved_with_its_change_is_delivered_once_and_marked(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        await PublishAsync(module, new CounterIncremented(5));

        (await DispatchAsync(module)).ShouldBe(1);
        (await DispatchAsync(module)).ShouldBe(0);

        (await module.CounterValueAsync()).ShouldBe(5);
        var message = await SingleMessageAsync(module);
        message.ProcessedUtc.ShouldBe(module.Clock.GetUtcNow());
        message.Attempts.ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_duplicate_delivery_has_its_effect_once(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        var integrationEvent = new CounterIncremented(3);

        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var scope = module.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent);
        }

        (await module.CounterValueAsync()).ShouldBe(3);
        module.Consumer.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_crash_between_delivery_and_marking_redelivers_without_a_second_effect(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        await PublishAsync(module, new CounterIncremented(7));

        // The process "dies" as the dispatcher saves the processed mark: the consumer's work is committed, the mark is not.
        await Should.ThrowAsync<SimulatedCrashException>(() => DispatchAsync(module, new CrashOnMark()));
        (await module.CounterValueAsync()).ShouldBe(7);
        (await SingleMessageAsync(module)).ProcessedUtc.ShouldBeNull();

        (await DispatchAsync(module)).ShouldBe(1);

        (await module.CounterValueAsync()).ShouldBe(7);
        (await SingleMessageAsync(module)).ProcessedUtc.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_failing_consumer_leaves_the_event_for_a_later_retry(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        await PublishAsync(module, new CounterIncremented(2));
        module.Consumer.FailNext = true;

        (await DispatchAsync(module)).ShouldBe(0);
        var failed = await SingleMessageAsync(module);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldBe("InvalidOperationException: consumer down");
        failed.NextAttemptUtc.ShouldBe(module.Clock.GetUtcNow().AddSeconds(30));

        (await DispatchAsync(module)).ShouldBe(0, "the retry waits for its backoff");
        module.Clock.Advance(TimeSpan.FromSeconds(31));
        (await DispatchAsync(module)).ShouldBe(1);

        (await module.CounterValueAsync()).ShouldBe(2);
        module.Consumer.Calls.ShouldBe(2);
    }

    private static async Task PublishAsync(CounterModule module, CounterIncremented integrationEvent)
    {
        using var scope = module.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        db.Publish(integrationEvent, module.Clock);
        await db.SaveChangesAsync();
    }

    private static async Task<int> DispatchAsync(CounterModule module, IInterceptor? interceptor = null)
    {
        using var scope = module.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        if (interceptor is not null)
        {
            // Same database, one extra interceptor: a context of the same provider type built by hand.
            var options = new DbContextOptionsBuilder(db.GetService<IDbContextOptions>() as DbContextOptions ?? throw new InvalidOperationException())
                .AddInterceptors(interceptor).Options;
            db = (CounterDbContext)Activator.CreateInstance(db.GetType(), options)!;
        }

        var dispatcher = new OutboxDispatcher<CounterDbContext>(db, module.Services.GetRequiredService<IServiceScopeFactory>(), module.Clock, NullLogger<OutboxDispatcher<CounterDbContext>>.Instance);
        return await dispatcher.DispatchPendingAsync(CancellationToken.None);
    }

    private static async Task<OutboxMessage> SingleMessageAsync(CounterModule module)
    {
        using var scope = module.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().OutboxMessages.AsNoTracking().SingleAsync();
    }

    private sealed class SimulatedCrashException : Exception;

    private sealed class CrashOnMark : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var marking = eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.ProcessedUtc is not null && e.State == EntityState.Modified);
            return marking ? throw new SimulatedCrashException() : base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
