using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// How every module's SQLite connection is made and set up.
/// <list type="bullet">
/// <item>The connection is a plain <see cref="SqliteConnection"/>. EF Core's own would carry a dozen user functions
/// (<c>ef_compare</c>, <c>ef_sum</c>, <c>regexp</c>...) that only decimal arithmetic and <c>Regex.IsMatch</c> in a query
/// need, and Microsoft.Data.Sqlite registers them again with SQLite on every open of a pooled connection: a page opens
/// six, and the registrations cost about as much as one of its queries (ADR 0011). No module has a decimal property
/// (each module's database contract test checks it) or queries with a regular expression; one that needs them gets
/// "no such function: ef_..." or "no such collation sequence: EF_DECIMAL" from SQLite, and this is the place to
/// register what it needs.</item>
/// <item>WAL lets readers work while one writer commits; foreign keys are off by default in SQLite. The settings belong
/// to the native connection, which Microsoft.Data.Sqlite's pool keeps across opens, so they are sent once per native
/// connection rather than on every open of a pooled one (a statement saved on every request's reads).</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    // Keyed weakly on the native handle: a handle the pool closes is forgotten with it.
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();
    private static readonly object Done = new();

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        eventData.ConnectionString is { } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(connectionString))
            : result;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !Configured.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, Done);
        }
    }
}
