using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Tests.TestData;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Persistence;

public sealed class RetentionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Delivered_events_are_forgotten_after_7_days_and_sent_mail_after_90_but_nothing_undelivered(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        using (var scope = module.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            db.Publish(new CounterIncremented(1), module.Clock);
            db.QueueEmail("sent@example.com", Mail(), module.Clock);
            await db.SaveChangesAsync();
        }

        using (var scope = module.Services.CreateScope())
        {
            await scope.ServiceProvider.GetServices<IOutboxDispatcher>().Single().DispatchPendingAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            (await db.QueuedEmails.SingleAsync()).MarkSent(module.Clock.GetUtcNow());
            db.Publish(new CounterIncremented(2), module.Clock);
            db.QueueEmail("never-sent@example.com", Mail(), module.Clock);
            await db.SaveChangesAsync();
        }

        module.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        (await PurgeAsync(module)).ShouldBe(1, "the delivered event");
        (await CountAsync(module, db => db.OutboxMessages)).ShouldBe(1, "the undelivered event stays");
        (await CountAsync(module, db => db.QueuedEmails)).ShouldBe(2);

        module.Clock.Advance(TimeSpan.FromDays(83));
        (await PurgeAsync(module)).ShouldBe(1, "the sent mail");
        (await CountAsync(module, db => db.QueuedEmails)).ShouldBe(1, "unsent mail stays");
    }

    private static RenderedEmail Mail() =>
        EmailTemplates.Render(typeof(RetentionTests).Assembly, "Welcome", CultureInfo.GetCultureInfo("fr-CA"),
            new Dictionary<string, string> { ["Name"] = "Ada", ["Clinic"] = "Clinique", ["Link"] = "http://localhost/x" });

    private static async Task<int> PurgeAsync(CounterModule module)
    {
        using var scope = module.Services.CreateScope();
        return await scope.ServiceProvider.GetServices<IModuleRetention>().Single().PurgeAsync(CancellationToken.None);
    }

    private static async Task<int> CountAsync<T>(CounterModule module, Func<CounterDbContext, DbSet<T>> set) where T : class
    {
        using var scope = module.Services.CreateScope();
        return await set(scope.ServiceProvider.GetRequiredService<CounterDbContext>()).CountAsync();
    }
}
