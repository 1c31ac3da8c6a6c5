using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// A transaction that holds a lock on one key until it ends, so that read-check-write units on the same key (a
/// practitioner's bookings, an account's attempts) run one after another. SQLite's <c>BEGIN IMMEDIATE</c> (the
/// provider's default) already serializes every writer of the file; PostgreSQL takes a transaction-scoped advisory lock
/// on each key, mixed with a per-use <paramref name="space"/> so that different uses never wait for each other. Callers
/// that lock several keys always pass them in the same order (say, profile then practitioner), so two never deadlock.
/// </summary>
public static class WriteLock
{
    public static async Task<IDbContextTransaction> BeginAsync(DbContext db, long space, IEnumerable<Guid> keys, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            foreach (var key in keys)
            {
                var bytes = key.ToByteArray();
                var lockKey = space ^ BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken);
            }
        }

        return transaction;
    }
}
