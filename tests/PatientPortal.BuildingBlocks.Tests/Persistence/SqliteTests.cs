using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Tests.TestData;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Persistence;

public sealed class SqliteTests
{
    [Fact]
    public async Task SQLite_runs_on_the_provider_bundled_native_library_with_WAL_and_a_busy_timeout()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        using var scope = module.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        (await Scalar(connection, "PRAGMA journal_mode")).ShouldBe("wal");
        Version.Parse((await Scalar(connection, "SELECT sqlite_version()"))!).ShouldBeGreaterThanOrEqualTo(new Version(3, 53));
        new SqliteConnectionStringBuilder(connection.ConnectionString).DefaultTimeout.ShouldBe(5);
        typeof(SQLitePCL.raw).Assembly.GetName().Version!.Major.ShouldBe(2, "Microsoft.EntityFrameworkCore.Sqlite 10 brings SQLitePCLRaw 2.1");
    }

    [Fact]
    public async Task Each_module_gets_its_own_SQLite_file_in_the_data_folder()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        using var scope = module.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();

        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

        Path.GetFileName(file).ShouldBe("counter.db");
        File.Exists(file).ShouldBeTrue();
    }

    [Fact]
    public async Task Foreign_keys_and_synchronous_NORMAL_hold_on_every_native_connection_pooled_or_new()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);

        // Tests running beside this one clear every pool when they dispose their database (ClearAllPools is process-wide):
        // a pair whose second open found the pool emptied is tried again.
        var (first, firstSettings) = await OpenAndReadSettings(module);
        var (again, againSettings) = await OpenAndReadSettings(module);
        for (var attempt = 0; attempt < 20 && !ReferenceEquals(first, again); attempt++)
        {
            (first, firstSettings) = await OpenAndReadSettings(module);
            (again, againSettings) = await OpenAndReadSettings(module);
        }

        again.ShouldBeSameAs(first, "the pool hands the same native connection back: the settings must still be there");
        SqliteConnection.ClearAllPools();
        var (fresh, freshSettings) = await OpenAndReadSettings(module);

        fresh.ShouldNotBeSameAs(first);
        firstSettings.ShouldBe("1 1");
        againSettings.ShouldBe("1 1");
        freshSettings.ShouldBe("1 1");
    }

    private static async Task<(SQLitePCL.sqlite3 Handle, string Settings)> OpenAndReadSettings(CounterModule module)
    {
        using var scope = module.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var settings = $"{await Scalar(connection, "PRAGMA foreign_keys")} {await Scalar(connection, "PRAGMA synchronous")}";
        var handle = connection.Handle!;
        await db.Database.CloseConnectionAsync();
        return (handle, settings);
    }

    private static async Task<string?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
