using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Testing;
using Quartz;

namespace PatientPortal.BuildingBlocks.Tests.Jobs;

/// <summary>
/// One portal node's scheduler, built the way the host builds it (AddJobScheduler after the modules' AddModuleJob),
/// on a test database's job store. Several nodes on one database are a cluster (PostgreSQL) or successive runs of
/// one portal (SQLite).
/// </summary>
internal sealed class SchedulerNode : IAsyncDisposable
{
    private readonly JobProbe _probe;

    private SchedulerNode(ServiceProvider services, IScheduler scheduler, JobProbe probe)
    {
        Services = services;
        Scheduler = scheduler;
        _probe = probe;
    }

    public ServiceProvider Services { get; }

    public IScheduler Scheduler { get; }

    /// <summary>Configuration for a node on <paramref name="database"/>: the job store, and building-block jobs that stay quiet.</summary>
    public static IConfiguration Configuration(TestDatabase database)
    {
        var settings = database.Settings(JobStoreSettings.Name);
        settings["Jobs:OutboxIntervalSeconds"] = "3600";
        settings["Jobs:EmailIntervalSeconds"] = "3600";
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>
    /// Builds a node whose modules schedule their jobs with <paramref name="modules"/>, migrates the job store as the
    /// host does, and starts the scheduler unless told not to. Quartz runs on the real clock here: a frozen test clock
    /// would stop its triggers and its cluster check-ins.
    /// </summary>
    public static async Task<SchedulerNode> StartAsync(TestDatabase database, JobProbe probe, Action<IServiceCollection> modules, string? instanceId = null, bool start = true)
    {
        var configuration = Configuration(database);
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(probe);
        modules(services);
        services.AddJobScheduler(configuration);
        // Nodes notice a dead peer within a second or two instead of the default 15 s.
        services.Configure<ClusteringOptions>(o =>
        {
            o.CheckinInterval = TimeSpan.FromMilliseconds(500);
            o.CheckinMisfireThreshold = TimeSpan.FromMilliseconds(1000);
        });
        if (instanceId is not null)
        {
            services.Configure<QuartzSchedulerOptions>(o => o.InstanceId = instanceId);
        }

        var provider = services.BuildServiceProvider();
        await MigrateAsync(provider);
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        if (start)
        {
            await scheduler.Start();
        }

        return new SchedulerNode(provider, scheduler, probe);
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        foreach (var database in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// As close to a killed process as one test process gets: the scheduler stops without waiting for its running
    /// jobs, and its store is closed, so nothing it was doing is ever recorded as finished.
    /// </summary>
    public async Task CrashAsync() => await Scheduler.Shutdown(waitForJobsToComplete: false);

    public async ValueTask DisposeAsync()
    {
        // The test is done with this node: a job still hanging would keep its shutdown waiting for ever.
        _probe.Release.TrySetResult();
        if (Scheduler.Status is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown))
        {
            await Scheduler.Shutdown(waitForJobsToComplete: true);
        }

        await Services.DisposeAsync();
    }
}

/// <summary>What the test jobs saw, shared by every node of a test.</summary>
internal sealed class JobProbe
{
    private readonly ConcurrentQueue<JobRun> _runs = new();

    /// <summary>Set when <see cref="HangingJob"/> is running for the first time.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What <see cref="HangingJob"/> waits for: the test sets it only once it is done with the node.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<JobRun> Runs => [.. _runs];

    public void Record(IJobExecutionContext context, DateTime? started = null) => _runs.Enqueue(new JobRun(
        context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc, context.Recovering,
        started ?? DateTime.UtcNow, DateTime.UtcNow));

    /// <summary>Waits (polling, up to <paramref name="timeout"/>) until the runs satisfy <paramref name="condition"/>.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<JobRun>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Runs))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}

internal sealed record JobRun(string Job, string InstanceId, DateTimeOffset? ScheduledFireTimeUtc, bool Recovering, DateTime Started, DateTime Finished);

/// <summary>A module's job that records each run.</summary>
[DisallowConcurrentExecution]
internal sealed class CountingJob(JobProbe probe) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        probe.Record(context);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A job that takes a while (two seconds) and records when it started and finished.</summary>
[DisallowConcurrentExecution]
internal sealed class SlowJob(JobProbe probe) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        probe.Started.TrySetResult();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        probe.Record(context, started);
    }
}

/// <summary>
/// A job that, the first time, never finishes on its own (it ignores cancellation, as a process that is killed
/// would); run again as a recovery, it finishes at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class HangingJob(JobProbe probe) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        probe.Record(context);
        if (!context.Recovering)
        {
            probe.Started.TrySetResult();
            await probe.Release.Task;
        }
    }
}

/// <summary>A test module: it schedules its job from its own Add…Module, as a real module would.</summary>
internal static class TestModules
{
    public static IServiceCollection AddCountingModule(this IServiceCollection services, TimeSpan every) =>
        services.AddModuleJob<CountingJob>(s => s.WithSimpleSchedule(every));

    public static IServiceCollection AddSlowModule(this IServiceCollection services) =>
        services.AddModuleJob<SlowJob>(s => s.WithSimpleSchedule(TimeSpan.FromMilliseconds(500)));

    public static IServiceCollection AddHangingModule(this IServiceCollection services) =>
        services.AddModuleJob<HangingJob>(s => s.WithSimpleSchedule(TimeSpan.FromHours(1)));
}
