using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// A transaction that holds a lock on some keys until it ends, so that read-check-write units on the same key (a
/// practitioner's bookings, an account's attempts, a health card number) run one after another. SQLite's
/// <c>BEGIN IMMEDIATE</c> (the provider's default) already serializes every writer of the file; PostgreSQL takes a
/// transaction-scoped advisory lock on each key, mixed with a per-use <c>space</c> so that different uses never wait
/// for each other. Callers that lock several keys always pass them in the same order (say, profile then practitioner),
/// so two never deadlock.
/// </summary>
public static class WriteLock
{
    public static Task<IDbContextTransaction> BeginAsync(DbContext db, long space, IEnumerable<Guid> keys, CancellationToken cancellationToken) =>
        BeginAsync(db, space, keys.Select(KeyOf), cancellationToken);

    /// <summary>Locks a text key (hashed the same way in every process, so two portal instances take the same lock).</summary>
    public static Task<IDbContextTransaction> BeginAsync(DbContext db, long space, string key, CancellationToken cancellationToken) =>
        BeginAsync(db, space, [KeyOf(key)], cancellationToken);

    private static async Task<IDbContextTransaction> BeginAsync(DbContext db, long space, IEnumerable<long> keys, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            foreach (var key in keys)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({space ^ key})", cancellationToken);
            }
        }

        return transaction;
    }

    private static long KeyOf(Guid key)
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
