using System.Data.Common;
using MediatR;
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
using PatientPortal.Modules.Inbox;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Bench.Inbox;

/// <summary>
/// A fresh database for one run (as bench/Appointments): a SQLite file in a temporary folder, or a PostgreSQL database
/// of its own (dropped afterwards). <see cref="OpenAsync"/> is the bare ADO.NET connection the baselines use.
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

    public static BenchDatabase Sqlite()
    {
        var folder = NewFolder();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataFolder"] = folder };
        var connectionString = DatabaseSettings.For(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), InboxModule.Name).ConnectionString;
        return new BenchDatabase(DatabaseProvider.Sqlite, settings, connectionString, folder, null, null);
    }

    /// <summary>Null (with the reason) when PostgreSQL cannot be reached.</summary>
    public static async Task<(BenchDatabase? Database, string? Why)> PostgresAsync()
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
        var folder = NewFolder();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:DataFolder"] = folder,
            [$"ConnectionStrings:{InboxModule.Name}"] = connectionString,
        };
        return (new BenchDatabase(DatabaseProvider.Postgres, settings, connectionString, folder, admin, name), null);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
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

    /// <summary>
    /// The module as the portal composes it (pooled context, MediatR, its handlers, the system clock), with the other
    /// modules' answers stood in: Profiles says yes to every access check (its cost is bench/AccessCheck's) and takes
    /// the trail's records without writing them (its cost is Profiles').
    /// </summary>
    public ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new BenchEnvironment())
            .AddSingleton<ICurrentAccount>(new BenchAccount())
            .AddSingleton<IPortalLinks, BenchLinks>()
            .AddBuildingBlocks(configuration)
            .AddInboxModule(configuration)
            .AddTransient<IRequestHandler<MayActFor, bool>, OtherModules>()
            .AddTransient<IRequestHandler<RecordProfileRead, Unit>, OtherModules>()
            .BuildServiceProvider();
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-bench-inbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

internal sealed class OtherModules : IRequestHandler<MayActFor, bool>, IRequestHandler<RecordProfileRead, Unit>
{
    public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<Unit> Handle(RecordProfileRead request, CancellationToken cancellationToken) => Task.FromResult(Unit.Value);
}

internal sealed class BenchAccount : ICurrentAccount
{
    public static readonly Guid Id = new("0193a2d0-0000-7000-8000-00000000b001");

    public Guid? AccountId => Id;
    public string Source { get; } = "127.0.0.1";
    public bool SecondFactorPassed { get; }

    public bool IsInRole(string role) => role == Roles.Patient;
}

internal sealed class BenchLinks : IPortalLinks
{
    public Uri To(string pathAndQuery) => new(new Uri("https://portal.example/"), pathAndQuery.TrimStart('/'));
}

internal sealed class BenchEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "PatientPortal.Bench";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
}
