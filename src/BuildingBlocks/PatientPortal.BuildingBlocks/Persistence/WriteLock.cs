using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// A transaction that holds a lock on some keys until it ends, so that read-check-write units on the same key (a
/// practitioner's bookings, an account's attempts, a health card number) run one after another. SQLite's
/// <c>BEGIN IMMEDIATE</c> (the provider's default) already serializes every writer of the file; PostgreSQL takes a
/// transaction-scoped advisory lock on each key, mixed with a per-use <c>space</c> so that different uses never wait
/// for each other. Callers that lock several keys always pass them in the same order (say, profile then practitioner),
/// so two never deadlock.
/// On SQLite, the writers of this process also line up, in order, on an in-process gate per database file before their
/// <c>BEGIN IMMEDIATE</c>, and each starts as soon as the one before commits: Microsoft.Data.Sqlite retries a busy file by
/// sleeping 150 ms between tries, so without the gate sixteen bookings at once each lost whole sleeps (bench/Appointments:
/// a p99 of 470 ms against 5 ms of work). The gate changes nothing else: the file's own lock still decides between
/// processes, and a writer that waits for it longer than <see cref="GateTimeout"/> goes on to that lock, as before.
/// </summary>
public static class WriteLock
{
    /// <summary>As long as SQLite's own busy timeout ("Default Timeout=5" in the connection string).</summary>
    public static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    public static Task<IDbContextTransaction> BeginAsync(DbContext db, long space, IEnumerable<Guid> keys, CancellationToken cancellationToken) =>
        BeginAsync(db, space, keys.Select(key => KeyOf(key)), cancellationToken);

    /// <summary>Locks a text key (hashed the same way in every process, so two portal instances take the same lock).</summary>
    public static Task<IDbContextTransaction> BeginAsync(DbContext db, long space, string key, CancellationToken cancellationToken) =>
        BeginAsync(db, space, [KeyOf(key)], cancellationToken);

    /// <summary>
    /// Saves the context's changes in one transaction of their own that locks no key, but that on SQLite waits its turn
    /// on the same in-process gate as the locked writers: an append that every page view makes (the access trail) would
    /// otherwise find the file busy under load and lose Microsoft.Data.Sqlite's 150 ms sleeps (bench/run.sh, the
    /// Appointments tab: p99 207 ms). Elsewhere a plain <c>SaveChangesAsync</c>.
    /// </summary>
    public static async Task<int> SaveChangesInTurnAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null)
        {
            return await db.SaveChangesAsync(cancellationToken);
        }

        var gate = GateOf(db);
        var entered = await gate.WaitAsync(GateTimeout, cancellationToken);
        try
        {
            return await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            if (entered)
            {
                gate.Release();
            }
        }
    }

    private static SemaphoreSlim GateOf(DbContext db) => SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));

    /// <summary>Locks keys already made numbers (<see cref="KeyOf(Guid)"/>, <see cref="KeyOf(Guid, long)"/>), in the order given.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(DbContext db, long space, IEnumerable<long> keys, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var gate = GateOf(db);
            var entered = await gate.WaitAsync(GateTimeout, cancellationToken);
            try
            {
                var begun = await db.Database.BeginTransactionAsync(cancellationToken);
                return entered ? new GatedTransaction(begun, gate) : begun;
            }
            catch
            {
                if (entered)
                {
                    gate.Release();
                }

                throw;
            }
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // One round trip for all the keys (each is held for the whole transaction, so every round trip counts for
            // whoever waits): PostgreSQL computes a select list left to right, so they are still taken in the caller's order.
            var values = keys.Select(key => (object)(space ^ key)).ToArray();
            if (values.Length > 0)
            {
                var sql = "SELECT " + string.Join(", ", values.Select((_, i) => $"pg_advisory_xact_lock({{{i}}})"));
                await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql, values), cancellationToken);
            }
        }

        return transaction;
    }

    /// <summary>
    /// Like <see cref="BeginAsync(DbContext, long, IEnumerable{long}, CancellationToken)"/> for <paramref name="waitFor"/>,
    /// then, on PostgreSQL, only tries <paramref name="tryFor"/>: when another transaction holds one of them, nothing is
    /// begun and null comes back at once, instead of queueing behind it. For a unit whose losers get the same answer
    /// whether they wait or not (a booking behind another of the same time is "just taken" either way). Never deadlocks:
    /// a transaction that tries waits for nothing after. On SQLite the writers of a file are lined up on its gate anyway
    /// (one at a time, each short): the keys are not locked one by one there, and this waits as BeginAsync does.
    /// </summary>
    public static async Task<IDbContextTransaction?> TryBeginAsync(
        DbContext db, long space, IEnumerable<long> waitFor, IEnumerable<long> tryFor, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await BeginAsync(db, space, waitFor.Concat(tryFor), cancellationToken);
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // One round trip: the waited keys first (left to right), then one answer for all the tried ones.
            var waited = waitFor.Select(key => space ^ key).ToList();
            var tried = tryFor.Select(key => space ^ key).ToList();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            var select = waited.Select((_, i) => $"pg_advisory_xact_lock(@w{i})")
                .Append(tried.Count == 0 ? "true" : string.Join(" AND ", tried.Select((_, i) => $"pg_try_advisory_xact_lock(@t{i})")));
#pragma warning disable CA2100 // Parameter names only; every key is a parameter.
            command.CommandText = "SELECT " + string.Join(", ", select);
#pragma warning restore CA2100
            AddKeys(command, "w", waited);
            AddKeys(command, "t", tried);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var locked = reader.GetBoolean(reader.FieldCount - 1);
            await reader.DisposeAsync();
            if (locked)
            {
                return transaction;
            }

            await transaction.DisposeAsync();
            return null;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private static void AddKeys(DbCommand command, string prefix, List<long> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = keys[i];
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>A part of what <paramref name="key"/> names (a practitioner's five minutes), locked apart from its other parts.</summary>
    public static long KeyOf(Guid key, long part) => KeyOf(key) ^ unchecked(part * (long)0x9E3779B97F4A7C15);

    public static long KeyOf(Guid key)
    {
        var bytes = key.ToByteArray();
        return BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8);
    }

    // string.GetHashCode changes between processes: FNV-1a, 64 bits.
    private static long KeyOf(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}

/// <summary>A SQLite transaction that lets the next writer of its file in when it commits, rolls back or ends.</summary>
internal sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    private int _released;

    public Guid TransactionId => inner.TransactionId;

    public bool SupportsSavepoints => inner.SupportsSavepoints;

    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit()
    {
        try
        {
            inner.Commit();
        }
        finally
        {
            Release();
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.CommitAsync(cancellationToken);
        }
        finally
        {
            Release();
        }
    }

    public void Rollback()
    {
        try
        {
            inner.Rollback();
        }
        finally
        {
            Release();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.RollbackAsync(cancellationToken);
        }
        finally
        {
            Release();
        }
    }

    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        finally
        {
            Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release();
        }
    }
}
