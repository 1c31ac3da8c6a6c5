using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Testing;
using Quartz;
using Shouldly;

namespace PatientPortal.Host.Tests.Jobs;

public sealed class PortalJobsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_portal_runs_the_outbox_and_mail_jobs_on_a_schedule_and_never_twice_at_once(DatabaseProvider provider)
    {
        await using var portal = await PortalFactory.CreateAsync(provider);
        _ = portal.Server;

        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // The hosted service starts the scheduler once the application has started, a moment after the first request.
        for (var wait = 0; wait < 100 && scheduler.Status != SchedulerStatus.Running; wait++)
        {
            await Task.Delay(100);
        }

        scheduler.Status.ShouldBe(SchedulerStatus.Running);
        // Its own persistent store: a jobs.db in this portal's data folder, or the quartz schema of its PostgreSQL database.
        var metadata = await scheduler.GetMetadata();
        metadata.JobStorePersistent.ShouldBeTrue();
        metadata.JobStoreClustered.ShouldBe(provider == DatabaseProvider.Postgres);
        File.Exists(Path.Combine(portal.DataFolder, "jobs.db")).ShouldBe(provider == DatabaseProvider.Sqlite);
        foreach (var job in new[] { "DispatchOutboxJob", "SendQueuedEmailsJob" })
        {
            var detail = (await scheduler.GetJobDetail(new JobKey(job))).ShouldNotBeNull();
            detail.ConcurrentExecutionDisallowed.ShouldBeTrue();
            var trigger = (await scheduler.GetTriggersOfJob(detail.Key)).ShouldHaveSingleItem().ShouldBeAssignableTo<ISimpleTrigger>()!;
            trigger.RepeatInterval.ShouldBe(TimeSpan.FromSeconds(1), "PortalFactory sets Jobs:*IntervalSeconds to 1");
        }

        var purge = (await scheduler.GetJobDetail(new JobKey("PurgeDeliveredJob"))).ShouldNotBeNull();
        purge.ConcurrentExecutionDisallowed.ShouldBeTrue();
        (await scheduler.GetTriggersOfJob(purge.Key)).ShouldHaveSingleItem().ShouldBeAssignableTo<ISimpleTrigger>()!.RepeatInterval.ShouldBe(TimeSpan.FromHours(1));
    }
}
