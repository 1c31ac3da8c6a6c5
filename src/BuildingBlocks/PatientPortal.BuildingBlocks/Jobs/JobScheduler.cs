using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Persistence;
using Quartz;

namespace PatientPortal.BuildingBlocks.Jobs;

/// <summary>
/// The portal's one Quartz scheduler, on a persistent job store (see <see cref="JobStoreSettings"/>). A module
/// schedules its own jobs from its Add&lt;Module&gt;Module with <see cref="AddModuleJob{TJob}"/>; the host calls
/// <see cref="AddJobScheduler"/> once, after every module, and never names a job.
/// </summary>
public static class JobScheduler
{
    /// <summary>The scheduler's name (SCHED_NAME in Quartz's tables): every node of the portal shares it.</summary>
    public const string InstanceName = "PatientPortal";

    /// <summary>
    /// Schedules <typeparamref name="TJob"/> (which must carry [DisallowConcurrentExecution] and be idempotent).
    /// <paramref name="schedule"/> says only when it runs (WithSimpleSchedule, WithCronSchedule, …). The job and its
    /// trigger are named after the job class, so every start-up finds and updates the same rows instead of adding
    /// copies; the job asks to be run again when a node dies while running it.
    /// </summary>
    public static IServiceCollection AddModuleJob<TJob>(this IServiceCollection services, Action<ITriggerConfigurator> schedule)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var name = typeof(TJob).Name;
        if (services.Any(d => d.ServiceType == typeof(SchedulerConfigured)))
        {
            throw new InvalidOperationException($"{name} is scheduled after AddJobScheduler, which would never see it: add every module before the scheduler.");
        }

        if (ScheduledJobs(services).Any(j => j.Name == name))
        {
            throw new InvalidOperationException($"A job named {name} is already scheduled: job names must be unique across modules.");
        }

        services.AddSingleton(new ScheduledJob(name, quartz => quartz.ScheduleJob<TJob>(
            trigger => schedule(trigger.WithIdentity(name + ".trigger").StartNow()),
            job => job.WithIdentity(name).RequestRecovery())));
        return services;
    }

    /// <summary>
    /// The scheduler, the building blocks' own jobs (outbox, mail, retention) and every job a module scheduled
    /// before this call. Quartz keeps its schedule in its own store, whose tables the migration step creates.
    /// </summary>
    public static IServiceCollection AddJobScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleJob<DispatchOutboxJob>(s => s.WithSimpleSchedule(Seconds(configuration, "Jobs:OutboxIntervalSeconds", 5)));
        services.AddModuleJob<SendQueuedEmailsJob>(s => s.WithSimpleSchedule(Seconds(configuration, "Jobs:EmailIntervalSeconds", 5)));
        services.AddModuleJob<PurgeDeliveredJob>(s => s.WithSimpleSchedule(TimeSpan.FromHours(1)));

        var store = JobStoreSettings.For(configuration);
        var jobs = ScheduledJobs(services).ToList();
        services.AddSingleton(new SchedulerConfigured());
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(o => o.InstanceName = InstanceName);
            quartz.UsePersistentStore(store.Configure);
            // Every node registers the same jobs and triggers at every start-up. Overwrite, so that a changed
            // interval takes effect; relative to the replaced trigger, so that the schedule carries on from its
            // last firing instead of being reset to "now" (which would fire once more per start, per node).
            quartz.ConfigureOptions<QuartzOptions>(o =>
            {
                o.Scheduling.OverwriteExistingData = true;
                o.Scheduling.IgnoreDuplicates = false;
                o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
            });
            foreach (var job in jobs)
            {
                job.Register(quartz);
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton(store);
        services.AddScoped<IModuleDatabase, JobStoreDatabase>();
        return services;
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key, int fallback) =>
        TimeSpan.FromSeconds(configuration.GetValue(key, fallback));

    private static IEnumerable<ScheduledJob> ScheduledJobs(IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<ScheduledJob>();

    /// <summary>A module's job, recorded until the scheduler is configured.</summary>
    private sealed record ScheduledJob(string Name, Action<IQuartzBuilder> Register);

    /// <summary>Marks that the scheduler has been configured: a job scheduled after it would be silently lost.</summary>
    private sealed class SchedulerConfigured;
}
