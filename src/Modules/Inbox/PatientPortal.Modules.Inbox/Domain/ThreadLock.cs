using Microsoft.EntityFrameworkCore.Storage;

namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>
/// The lock of one communication's thread (<see cref="WriteLock"/>), held by every write that reads the thread
/// before it changes it: a reply (its count), staff writing again, a deletion. So a reply never counts past the
/// allowance, and none lands in a thread being deleted (it finds the thread gone instead of failing on its key).
/// </summary>
internal static class ThreadLock
{
    // Keeps these advisory locks apart from any other use of pg_advisory_xact_lock on the database.
    private const long Space = 0x5245504C49455321; // "REPLIES!"

    public static Task<IDbContextTransaction> BeginAsync(DbContext db, Guid communicationId, CancellationToken cancellationToken) =>
        WriteLock.BeginAsync(db, Space, [communicationId], cancellationToken);
}
