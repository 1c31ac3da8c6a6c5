using Microsoft.Extensions.Configuration;
using PatientPortal.BuildingBlocks.Jobs;
using PatientPortal.BuildingBlocks.Persistence;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Jobs;

public sealed class JobStoreSettingsTests
{
    private const string Shared = "Host=db;Database=portal";

    [Fact]
    public void On_sqlite_the_schedule_gets_a_jobs_db_of_its_own_in_the_data_folder_with_a_busy_timeout()
    {
        var folder = Path.Combine(Path.GetTempPath(), "patientportal-tests", Guid.NewGuid().ToString("N"));

        var settings = JobStoreSettings.For(Configuration(("Database:DataFolder", folder)));

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.ConnectionString.ShouldContain(Path.Combine(folder, "jobs.db"));
        settings.ConnectionString.ShouldContain("Default Timeout=5");
        settings.TablePrefix.ShouldBe("qrtz_");
        Directory.Delete(folder);
    }

    [Fact]
    public void On_postgres_the_schedule_defaults_to_the_one_database_the_modules_share_in_schema_quartz()
    {
        var settings = JobStoreSettings.For(Configuration(
            ("Database:Provider", "Postgres"), ("ConnectionStrings:Accounts", Shared), ("ConnectionStrings:Inbox", Shared)));

        settings.ConnectionString.ShouldBe(Shared);
        settings.TablePrefix.ShouldBe("quartz.qrtz_");
    }

    [Fact]
    public void On_postgres_ConnectionStrings_Jobs_wins()
    {
        var settings = JobStoreSettings.For(Configuration(
            ("Database:Provider", "Postgres"), ("ConnectionStrings:Accounts", Shared), ("ConnectionStrings:Jobs", "Host=jobs;Database=jobs")));

        settings.ConnectionString.ShouldBe("Host=jobs;Database=jobs");
    }

    [Fact]
    public void On_postgres_modules_on_different_databases_must_say_where_the_schedule_goes()
    {
        var configuration = Configuration(
            ("Database:Provider", "Postgres"), ("ConnectionStrings:Accounts", Shared), ("ConnectionStrings:Inbox", "Host=db;Database=inbox"));

        Should.Throw<InvalidOperationException>(() => JobStoreSettings.For(configuration)).Message.ShouldContain("ConnectionStrings:Jobs");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
