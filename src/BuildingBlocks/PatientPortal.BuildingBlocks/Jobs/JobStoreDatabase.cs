using Microsoft.Data.Sqlite;
using Npgsql;
using PatientPortal.BuildingBlocks.Persistence;
using Quartz;

namespace PatientPortal.BuildingBlocks.Jobs;

/// <summary>
/// The migration step for Quartz's tables: the host migrates it with the modules' databases, at start-up and with
/// `-- migrate`. Quartz creates only what is missing and never alters or drops anything, so running it again is
/// harmless; the running scheduler only checks the tables are there, so it needs no right to create them.
/// </summary>
internal sealed class JobStoreDatabase(JobStoreSettings settings) : IModuleDatabase
{
    public string Module => "jobs";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await CreateSchemaAsync(cancellationToken);
        }
        else
        {
            await UseWriteAheadLogAsync(cancellationToken);
        }

        // A scheduler that is built and never started: building it initializes the store, which provisions the schema.
        await using var factory = QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.ConfigureScheduler(o => o.InstanceName = JobScheduler.InstanceName);
            quartz.UsePersistentStore(store =>
            {
                settings.Configure(store);
                store.ProvisionSchema();
            });
        }).Build();
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {JobStoreSettings.PostgresSchema}", connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema)
        {
            // Another node created it at the same moment.
        }
    }

    // WAL is a property of the file, so setting it once here lasts: readers never block Quartz's one writer.
    private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
