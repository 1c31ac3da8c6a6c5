using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Testing;
using Quartz;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Jobs;

/// <summary>The persistent job store, on SQLite (one node, its own jobs.db) and PostgreSQL (schema quartz, clustered).</summary>
public sealed class JobStoreTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_migration_step_creates_quartz_s_tables_and_can_run_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection().AddLogging().AddJobScheduler(SchedulerNode.Configuration(database));
        await using var built = services.BuildServiceProvider();

        await SchedulerNode.MigrateAsync(built);
        await SchedulerNode.MigrateAsync(built);

        var settings = built.GetRequiredService<JobStoreSettings>();
        if (provider == DatabaseProvider.Postgres)
        {
            (await ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'quartz' AND table_name LIKE 'qrtz_%'")).ShouldBeGreaterThanOrEqualTo(11);
            (await ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).ShouldBe(0, "nothing outside the quartz schema");
        }
        else
        {
            File.Exists(Path.Combine(database.Folder, "jobs.db")).ShouldBeTrue();
            (await SqliteScalarAsync<long>(settings, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'qrtz_%'")).ShouldBeGreaterThanOrEqualTo(11);
            (await SqliteScalarAsync<string>(settings, "PRAGMA journal_mode")).ShouldBe("wal");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_module_s_job_is_stored_with_its_trigger_asks_for_recovery_and_runs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var probe = new JobProbe();

        await using var node = await SchedulerNode.StartAsync(database, probe, s => s.AddCountingModule(TimeSpan.FromHours(1)));

        (await probe.WaitForAsync(runs => runs.Any(r => r.Job == nameof(CountingJob)), Patience)).ShouldBeTrue("the module's job never ran");
        var metadata = await node.Scheduler.GetMetadata();
        metadata.JobStorePersistent.ShouldBeTrue();
        metadata.JobStoreClustered.ShouldBe(provider == DatabaseProvider.Postgres);
        var job = (await node.Scheduler.GetJobDetail(new JobKey(nameof(CountingJob)))).ShouldNotBeNull();
        job.RequestsRecovery.ShouldBeTrue();
        job.ConcurrentExecutionDisallowed.ShouldBeTrue();
        (await node.Scheduler.GetTriggersOfJob(job.Key)).ShouldHaveSingleItem().Key.ShouldBe(new TriggerKey(nameof(CountingJob) + ".trigger"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Registering_the_schedules_again_at_start_up_neither_fires_again_nor_adds_copies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var probe = new JobProbe();
        DateTimeOffset? next;
        await using (var first = await SchedulerNode.StartAsync(database, probe, s => s.AddCountingModule(TimeSpan.FromHours(1))))
        {
            (await probe.WaitForAsync(runs => runs.Count(r => r.Job == nameof(CountingJob)) == 1, Patience)).ShouldBeTrue("the job never ran");
            next = (await first.Scheduler.GetTrigger(new TriggerKey(nameof(CountingJob) + ".trigger")))!.NextFireTimeUtc;
        }

        // The portal starts again (a deploy, a restart): the same registrations are applied to the stored schedule.
        await using var second = await SchedulerNode.StartAsync(database, probe, s => s.AddCountingModule(TimeSpan.FromHours(1)));

        var trigger = (await second.Scheduler.GetTrigger(new TriggerKey(nameof(CountingJob) + ".trigger"))).ShouldNotBeNull();
        trigger.NextFireTimeUtc.ShouldBe(next, "the schedule carries on from its last firing instead of starting over");
        (await second.Scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).Count(k => k.Name == nameof(CountingJob)).ShouldBe(1);
        (await second.Scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Count(k => k.Name.StartsWith(nameof(CountingJob), StringComparison.Ordinal)).ShouldBe(1);
        // Give the restarted scheduler the time it would need to fire a reset trigger.
        (await probe.WaitForAsync(runs => runs.Count(r => r.Job == nameof(CountingJob)) > 1, TimeSpan.FromSeconds(3))).ShouldBeFalse("the restart fired the job again");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_job_killed_in_the_middle_runs_again_as_a_recovery_once_a_scheduler_comes_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var probe = new JobProbe();
        await using var crashed = await SchedulerNode.StartAsync(database, probe, s => s.AddHangingModule(), instanceId: Node(provider, "a"));
        await probe.Started.Task.WaitAsync(Patience);
        await crashed.CrashAsync();

        await using var restarted = await SchedulerNode.StartAsync(database, probe, s => s.AddHangingModule(), instanceId: Node(provider, "b"));

        (await probe.WaitForAsync(runs => runs.Any(r => r.Recovering), Patience)).ShouldBeTrue("the interrupted job was never recovered");
        var runs = probe.Runs.Where(r => r.Job == nameof(HangingJob)).ToList();
        runs.Count.ShouldBe(2, "one interrupted run, one recovery");
        runs[1].Recovering.ShouldBeTrue();
        runs[1].InstanceId.ShouldBe(restarted.Scheduler.SchedulerInstanceId);
    }

    [Fact]
    public async Task Two_clustered_schedulers_on_one_postgres_database_run_each_firing_once_and_never_side_by_side()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var probe = new JobProbe();
        await using var a = await SchedulerNode.StartAsync(database, probe, s => s.AddSlowModule(), instanceId: "node-a");
        await probe.Started.Task.WaitAsync(Patience);

        // A second node joins (a deploy, a scale-out) while the first is running the job: it registers the same job
        // and trigger, and must neither take over the running firing nor start the job beside it.
        await using var b = await SchedulerNode.StartAsync(database, probe, s => s.AddSlowModule(), instanceId: "node-b");
        (await probe.WaitForAsync(runs => runs.Count(r => r.Job == nameof(SlowJob)) >= 4, Patience)).ShouldBeTrue("the job did not keep firing");

        var runs = probe.Runs.Where(r => r.Job == nameof(SlowJob)).OrderBy(r => r.Started).ToList();
        runs.Select(r => r.InstanceId).ShouldAllBe(id => id == "node-a" || id == "node-b");
        runs.GroupBy(r => r.ScheduledFireTimeUtc).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("a firing ran twice");
        runs.Zip(runs.Skip(1)).Where(pair => pair.Second.Started < pair.First.Finished)
            .Select(pair => $"{pair.First.InstanceId} {pair.First.Started:HH:mm:ss.fff}-{pair.First.Finished:HH:mm:ss.fff} / {pair.Second.InstanceId} {pair.Second.Started:HH:mm:ss.fff}")
            .ShouldBeEmpty("the job ran on two nodes at once");
    }

    [Fact]
    public void A_job_scheduled_after_the_scheduler_is_refused_rather_than_silently_lost()
    {
        var services = new ServiceCollection().AddJobScheduler(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        Should.Throw<InvalidOperationException>(() => services.AddCountingModule(TimeSpan.FromMinutes(1)));
    }

    // SQLite's store is not clustered: every start is the one node, NON_CLUSTERED, and recovers its own firings.
    private static string? Node(DatabaseProvider provider, string name) => provider == DatabaseProvider.Postgres ? "node-" + name : null;

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<T> SqliteScalarAsync<T>(JobStoreSettings settings, string sql)
    {
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
