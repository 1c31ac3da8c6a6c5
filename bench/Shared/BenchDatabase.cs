using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Bench;

/// <summary>
/// A fresh database for one module's run (shared by bench/Appointments and bench/Inbox): a SQLite file in a temporary
/// folder, or a PostgreSQL database of its own (dropped afterwards); the temporary folder is the data folder either way
/// (attachments). <see cref="OpenAsync"/> is the bare ADO.NET connection the baselines use, to the same data.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=portal;Password=portal;Database=postgres";
    private readonly string _folder;
    private readonly string? _postgresName;
    private readonly string? _admin;

    private BenchDatabase(DatabaseProvider provider, Dictionary<string, string?> settings, string connectionString, string folder, string? admin, string? postgresName)
    {
        Provider = provider;
        Settings = settings;
        ConnectionString = connectionString;
        _folder = folder;
        _admin = admin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public Dictionary<string, string?> Settings { get; }
    public string ConnectionString { get; }

    public static BenchDatabase Sqlite(string module)
    {
        var folder = NewFolder(module);
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataFolder"] = folder };
        // The same connection string the module gets (its file, its busy timeout, pooling).
        var connectionString = DatabaseSettings.For(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), module).ConnectionString;
        return new BenchDatabase(DatabaseProvider.Sqlite, settings, connectionString, folder, null, null);
    }

    /// <summary>Null (with the reason) when PostgreSQL cannot be reached.</summary>
    public static async Task<(BenchDatabase? Database, string? Why)> PostgresAsync(string module)
    {
        var admin = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } value ? value : DefaultPostgres;
        var name = "pp_bench_" + Guid.NewGuid().ToString("N");
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (null, ex.Message);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        var folder = NewFolder(module);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:DataFolder"] = folder,
            [$"ConnectionStrings:{module}"] = connectionString,
        };
        return (new BenchDatabase(DatabaseProvider.Postgres, settings, connectionString, folder, admin, name), null);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// The services a module needs from the portal (logging at Warning, the configuration, a signed-in patient, links, the
    /// building blocks); the caller adds the module and stands in for the other modules.
    /// </summary>
    public IServiceCollection PortalServices(out IConfiguration configuration)
    {
        configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(configuration)
            .AddSingleton<IHostEnvironment>(new BenchEnvironment())
            .AddSingleton<ICurrentAccount>(new BenchAccount())
            .AddBuildingBlocks(configuration);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static string NewFolder(string module)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portal-bench-{module.ToLowerInvariant()}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>The signed-in patient every call is made as.</summary>
internal sealed class BenchAccount : ICurrentAccount
{
    public static readonly Guid Id = new("0193a2d0-0000-7000-8000-00000000b001");

    public Guid? AccountId => Id;
    public string Source { get; } = "127.0.0.1";
    public bool SecondFactorPassed { get; }

    public bool IsInRole(string role) => role == Roles.Patient;
}

internal sealed class BenchEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "PatientPortal.Bench";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
}
