using Microsoft.Extensions.Configuration;
using PatientPortal.BuildingBlocks.Persistence;
using Quartz;

namespace PatientPortal.BuildingBlocks.Jobs;

/// <summary>
/// Where Quartz keeps its schedule. "ConnectionStrings:Jobs" names the database; without it, PostgreSQL uses the
/// one database the modules share (refusing to guess when their connection strings differ) and SQLite a file of
/// its own, "jobs.db" in "Database:DataFolder". On PostgreSQL the tables live in the "quartz" schema and the
/// nodes form a cluster; SQLite has one writer, so one node.
/// </summary>
internal sealed record JobStoreSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string Name = "Jobs";
    public const string PostgresSchema = "quartz";

    /// <summary>Quartz's table prefix; on PostgreSQL it carries the schema (quartz.qrtz_job_details, …).</summary>
    public string TablePrefix => Provider == DatabaseProvider.Postgres ? PostgresSchema + ".qrtz_" : "qrtz_";

    public static JobStoreSettings For(IConfiguration configuration)
    {
        var provider = Enum.Parse<DatabaseProvider>(configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(Name)))
        {
            var shared = configuration.GetSection("ConnectionStrings").GetChildren()
                .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
            return shared.Count == 1
                ? new JobStoreSettings(provider, shared[0]!)
                : throw new InvalidOperationException(
                    "Database:Provider is Postgres and the modules' connection strings are not one database: set ConnectionStrings:Jobs to the database that holds the job schedule.");
        }

        var settings = DatabaseSettings.For(configuration, Name);
        return new JobStoreSettings(settings.Provider, settings.ConnectionString);
    }

    /// <summary>The persistent store, as both the running scheduler and the migration step see it.</summary>
    public void Configure(IPersistentStoreBuilder store)
    {
        store.ConfigureStore(o => o.TablePrefix = TablePrefix);
        if (Provider == DatabaseProvider.Postgres)
        {
            store.UsePostgres(ConnectionString);
            store.UseClustering();
        }
        else
        {
            // Quartz serializes its own SQLite work in-process; the connection's busy timeout covers anyone else.
            store.UseSqlite(ConnectionString);
        }

        store.UseSystemTextJsonSerializer();
    }
}
