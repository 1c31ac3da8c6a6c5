namespace PatientPortal.Modules.Accounts.Data;

/// <summary>
/// Forgets, with the hourly purge, the throttle rows that no longer change anything: two days without an event is
/// past every window (a day at most), every block (<see cref="AccountsOptions.LongestLockout"/>, half a day at most)
/// and the day after which earlier blocks are forgiven. Without it, every address anyone ever typed would stay.
/// </summary>
internal sealed class ThrottleRetention(AccountsDbContext db, TimeProvider clock) : IModuleRetention
{
    public static readonly TimeSpan KeptAfterLastEvent = TimeSpan.FromDays(2);

    public string Module => db.Schema;

    public Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - KeptAfterLastEvent;
        return db.Throttles.Where(t => t.LastEventUtc < before && (t.BlockedUntilUtc == null || t.BlockedUntilUtc < now)).ExecuteDeleteAsync(cancellationToken);
    }
}
