using PatientPortal.BuildingBlocks.Jobs;
using Quartz;

namespace PatientPortal.Host.Infrastructure;

/// <summary>The background work the host runs with Quartz: delivering integration events and sending queued mail.</summary>
public static class PortalJobs
{
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var outboxEvery = TimeSpan.FromSeconds(configuration.GetValue("Jobs:OutboxIntervalSeconds", 5));
        var emailEvery = TimeSpan.FromSeconds(configuration.GetValue("Jobs:EmailIntervalSeconds", 5));
        services.AddQuartz(q =>
        {
            Every<DispatchOutboxJob>(q, outboxEvery);
            Every<SendQueuedEmailsJob>(q, emailEvery);
            Every<PurgeDeliveredJob>(q, TimeSpan.FromHours(1));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Every<TJob>(IQuartzBuilder quartz, TimeSpan interval) where TJob : IJob
    {
        var name = typeof(TJob).Name;
        quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name + ".trigger").StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(name));
    }
}
