using Microsoft.Data.Sqlite;
using Npgsql;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Testing;

/// <summary>
/// A real, empty database for one test: a fresh SQLite file, or a fresh PostgreSQL database dropped afterwards.
/// PostgreSQL is found through PORTAL_TEST_POSTGRES (tests/run-all.sh starts it and sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=portal;Password=portal;Database=postgres";

    private readonly string? _postgresName;
    private int _users = 1;

    private TestDatabase(DatabaseProvider provider, string folder, string connectionString, string? postgresName)
    {
        Provider = provider;
        Folder = folder;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A temporary folder for this test (SQLite files, mail pickup); deleted on dispose.</summary>
    public string Folder { get; }

    /// <summary>PostgreSQL: the database for every module (each keeps its own schema). SQLite: empty, modules get one file each in <see cref="Folder"/>.</summary>
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "patientportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, folder, "", null);
        }

        var admin = AdminConnectionString;
        var name = "pp_test_" + Guid.NewGuid().ToString("N");
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is needed by this test and could not be reached ({ex.Message}). Run the tests with `bash tests/run-all.sh`, " +
                $"which starts PostgreSQL and creates the 'portal' role, or start it yourself (`service postgresql start`) and set {PostgresVariable} " +
                "to an admin connection string (Host=127.0.0.1;Username=…;Password=…;Database=postgres).", ex);
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, folder, builder.ConnectionString, name);
    }

    /// <summary>The same database for one more user (a second portal instance, a restart): dropped when the last one is disposed.</summary>
    public TestDatabase Share()
    {
        Interlocked.Increment(ref _users);
        return this;
    }

    public static string AdminConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : DefaultPostgres;

    /// <summary>Configuration that points every module at this database.</summary>
    public Dictionary<string, string?> Settings(params string[] modules)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:DataFolder"] = Folder,
        };
        if (Provider == DatabaseProvider.Postgres)
        {
            foreach (var module in modules)
            {
                settings[$"ConnectionStrings:{module}"] = ConnectionString;
            }
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Decrement(ref _users) > 0)
        {
            return;
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background job: the OS temp cleaner will take it.
        }
    }
}
