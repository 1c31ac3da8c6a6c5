using System.Data.Common;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
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
using PatientPortal.Modules.Appointments;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Bench.Appointments;

/// <summary>
/// A fresh database for one run: a SQLite file in a temporary folder, or a PostgreSQL database of its own (dropped
/// afterwards). <see cref="Open"/> is the bare ADO.NET connection the baselines use, to the same data.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=portal;Password=portal;Database=postgres";
    private readonly string? _folder;
    private readonly string? _postgresName;
    private readonly string? _admin;

    private BenchDatabase(DatabaseProvider provider, Dictionary<string, string?> settings, string connectionString, string? folder, string? admin, string? postgresName)
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
        var folder = Path.Combine(Path.GetTempPath(), "portal-bench-appointments-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataFolder"] = folder };
        // The same connection string the module gets (its file, its busy timeout, pooling).
        var connectionString = DatabaseSettings.For(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), AppointmentsModule.Name).ConnectionString;
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
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"ConnectionStrings:{AppointmentsModule.Name}"] = connectionString,
        };
        return (new BenchDatabase(DatabaseProvider.Postgres, settings, connectionString, null, admin, name), null);
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

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>
    /// The module as the portal composes it (pooled context, MediatR, its handlers, the system clock), with the other
    /// modules' answers stood in: Profiles says yes to every access check (its cost is bench/AccessCheck's), and names one
    /// recipient per profile, so a booking queues its confirmation email with the calendar file, as in the portal.
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
            .AddAppointmentsModule(configuration)
            .AddTransient<IRequestHandler<MayActFor, bool>, OtherModules>()
            .AddTransient<IRequestHandler<ListNotificationRecipients, NotificationRecipients>, OtherModules>()
            .AddTransient<IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>, OtherModules>()
            .AddSingleton<IAppointmentLinks, BenchLinks>()
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .BuildServiceProvider();
    }
}

internal sealed class OtherModules
    : IRequestHandler<MayActFor, bool>, IRequestHandler<ListNotificationRecipients, NotificationRecipients>,
      IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>
{
    public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<NotificationRecipients> Handle(ListNotificationRecipients request, CancellationToken cancellationToken) =>
        Task.FromResult(new NotificationRecipients("Bench", [BenchAccount.Id]));

    public Task<IReadOnlyList<AccountContact>> Handle(GetAccountContacts request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AccountContact>>([new AccountContact(BenchAccount.Id, "patient@example.com", "en-CA")]);
}

internal sealed class BenchAccount : ICurrentAccount
{
    public static readonly Guid Id = new("0193a2d0-0000-7000-8000-00000000b001");

    public Guid? AccountId => Id;
    public string Source { get; } = "127.0.0.1";
    public bool SecondFactorPassed { get; }

    public bool IsInRole(string role) => role == Roles.Patient;
}

internal sealed class BenchLinks : IPortalLinks, IAppointmentLinks
{
    public Uri To(string pathAndQuery) => new(new Uri("https://portal.example/"), pathAndQuery.TrimStart('/'));

    public string PathOf(AppointmentLink link) => link == AppointmentLink.EmailConfirm ? "/appointments/email/confirm" : "/appointments/email/cancel";
}

internal sealed class BenchEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "PatientPortal.Bench";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
}
