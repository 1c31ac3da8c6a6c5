using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests.Health;

public sealed class HealthTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Ready_checks_every_module_s_database(DatabaseProvider provider)
    {
        await using var portal = await PortalFactory.CreateAsync(provider);
        var client = portal.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        checks.EnumerateObject().Select(c => (c.Name, c.Value.GetString())).ShouldBe(
            [("accounts", "Healthy"), ("profiles", "Healthy"), ("appointments", "Healthy"), ("inbox", "Healthy"), ("activity", "Healthy"), ("audit", "Healthy")], ignoreOrder: true);
    }

    [Fact]
    public async Task Ready_fails_when_one_module_s_database_has_lost_its_tables_while_live_still_answers()
    {
        await using var portal = await PortalFactory.CreateAsync();
        var client = portal.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Broken through SQLite itself: rewriting the files under open connections would race the pooled ones (or crash
        // the process on the shared-memory file); the pooled connections still answer a bare open after this.
        await using (var inbox = new SqliteConnection($"Data Source={Path.Combine(portal.DataFolder, "inbox.db")};Pooling=False"))
        {
            await inbox.OpenAsync();
            await using var drop = inbox.CreateCommand();
            drop.CommandText = "DROP TABLE \"__EFMigrationsHistory\"";
            await drop.ExecuteNonQueryAsync();
        }

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadAsStringAsync();
        body.ShouldContain("\"inbox\":\"Unhealthy\"");
        body.ShouldContain("\"accounts\":\"Healthy\"");
        body.ShouldNotContain("EFMigrations", Case.Insensitive);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
