namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// One health insurance number, one record (review finding #7). Not a unique index: a self-registered account's copy of
/// a clinic record shares its card and birth date on purpose until staff decide the link suggestion
/// (<c>CreateOwnProfile</c>, <c>DecideLinkSuggestion</c>), and such pairs exist in the demo and in the clinic's data. So
/// the slices that SET a card check it, inside a transaction that holds the card number's lock (<see cref="WriteLock"/>). Two saves of the same
/// number therefore cannot both pass the check.
/// </summary>
internal static class HealthCards
{
    // Keeps these advisory locks apart from ConnectProfile's ("PROFILES") and any other use.
    private const long LockSpace = 0x4845414C54484341; // "HEALTHCA"

    /// <summary>Whether a record other than <paramref name="exceptProfileId"/> holds <paramref name="normalized"/>.</summary>
    public static Task<bool> HeldByAnotherAsync(ProfilesDbContext db, string normalized, Guid? exceptProfileId, CancellationToken cancellationToken) =>
        db.Profiles.AnyAsync(p => p.HealthInsuranceNumber == normalized && p.Id != exceptProfileId, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction holding the lock of <paramref name="normalized"/> (no lock when it is
    /// null: no card to check); commits when <paramref name="commit"/> says so (the work saved), else rolls back.
    /// </summary>
    public static Task<T> UnderLockAsync<T>(
        ProfilesDbContext db, string? normalized, Func<Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            await using var transaction = normalized is null
                ? await db.Database.BeginTransactionAsync(cancellationToken)
                : await WriteLock.BeginAsync(db, LockSpace, normalized, cancellationToken);
            var result = await work();
            if (commit(result))
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return result;
        });
    }
}
