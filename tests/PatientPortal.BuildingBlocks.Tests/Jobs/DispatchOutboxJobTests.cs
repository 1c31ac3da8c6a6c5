using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Tests.TestData;
using Quartz;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Jobs;

public sealed class DispatchOutboxJobTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_running_scheduler_delivers_an_outbox_event_without_anyone_asking(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider, services => services.AddQuartz(q =>
            q.ScheduleJob<DispatchOutboxJob>(trigger => trigger.StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(200)).RepeatForever()))));
        var scheduler = await module.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        using (var scope = module.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            db.Publish(new CounterIncremented(4), module.Clock);
            await db.SaveChangesAsync();
        }

        await scheduler.Start();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (await module.CounterValueAsync() == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        (await module.CounterValueAsync()).ShouldBe(4);
        module.Consumer.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task One_run_delivers_more_than_a_batch_when_more_are_waiting(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        using (var scope = module.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            for (var i = 0; i < (2 * OutboxDispatcher.BatchSize) + 7; i++)
            {
                db.Publish(new CounterIncremented(1), module.Clock);
            }

            await db.SaveChangesAsync();
        }

        using (var scope = module.Services.CreateScope())
        {
            var job = ActivatorUtilities.CreateInstance<DispatchOutboxJob>(scope.ServiceProvider);
            await job.Execute(null!, CancellationToken.None);
        }

        (await module.CounterValueAsync()).ShouldBe((2 * OutboxDispatcher.BatchSize) + 7);
    }
}
