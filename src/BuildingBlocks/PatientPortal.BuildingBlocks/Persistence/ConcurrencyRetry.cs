using Microsoft.EntityFrameworkCore;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// Runs a read-decide-write unit again when another request changed the same rows first (optimistic concurrency), or
/// inserted the row this one was about to insert (a unique key): the tracked state is dropped, so each try reads
/// fresh data and decides again. One defined winner, no lost update.
/// </summary>
public static class ConcurrencyRetry
{
    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> unit, int tries = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unit();
            }
            catch (DbUpdateException ex) when (attempt < tries && (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
