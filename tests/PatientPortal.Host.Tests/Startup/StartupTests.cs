using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.Testing;
using Shouldly;
using Microsoft.Extensions.DependencyInjection;

namespace PatientPortal.Host.Tests.Startup;

public sealed class StartupTests
{
    [Fact]
    public async Task In_Development_every_module_s_demo_seeder_runs_at_start_up_in_order()
    {
        var calls = new List<string>();
        await using var portal = await PortalFactory.CreateAsync();
        portal.WithServices(s => s
            .AddSingleton<IDemoDataSeeder>(new RecordingSeeder("second", 20, calls))
            .AddSingleton<IDemoDataSeeder>(new RecordingSeeder("first", 10, calls)));

        _ = portal.Server;

        calls.ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Outside_Development_no_demo_data_is_seeded()
    {
        var calls = new List<string>();
        await using var portal = await PortalFactory.CreateAsync(environment: "Production");
        portal.WithServices(s => s.AddSingleton<IDemoDataSeeder>(new RecordingSeeder("seeder", 10, calls)));

        _ = portal.Server;

        calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Portal:PublicUrl")]
    [InlineData("DataProtection:CertificatePath")]
    [InlineData("Accounts:HashKey")]
    public async Task Outside_Development_the_portal_refuses_to_start_without_a_required_setting_and_names_it(string setting)
    {
        await using var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?> { [setting] = "" }, environment: "Production");

        var refused = Should.Throw<Exception>(() => portal.Server);

        refused.ToString().ShouldContain(setting);
    }

    [Fact]
    public async Task The_migrate_command_applies_every_module_s_migrations_and_exits_without_serving()
    {
        var folder = Path.Combine(Path.GetTempPath(), "patientportal-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataFolder"] = folder;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);

        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
        (await output).ShouldNotContain("Now listening");
        foreach (var module in new[] { "accounts", "profiles", "appointments", "inbox" })
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, module + ".db")};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
            ((long)(await command.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class RecordingSeeder(string name, int order, List<string> calls) : IDemoDataSeeder
    {
        public int Order => order;

        public Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken)
        {
            calls.Add(name);
            return Task.FromResult<IReadOnlyList<string>>([]);
        }
    }
}
