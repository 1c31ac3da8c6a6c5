namespace PatientPortal.Modules.Accounts.Data;

/// <summary>
/// Forgets, with the hourly purge, the two-step records that can no longer be used: sign-in challenges (every right
/// password leaves one) and trusted browsers, a day after they expired or were revoked. The day leaves them visible to
/// whoever looks into a sign-in that just happened.
/// </summary>
internal sealed class SecondFactorRetention(AccountsDbContext db, TimeProvider clock) : IModuleRetention
{
    public static readonly TimeSpan KeptAfterUse = TimeSpan.FromDays(1);

    public string Module => db.Schema;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - KeptAfterUse;
        var challenges = await db.SignInChallenges.Where(c => c.ExpiresUtc < before).ExecuteDeleteAsync(cancellationToken);
        var browsers = await db.TrustedBrowsers.Where(b => b.ExpiresUtc < before || b.RevokedUtc < before).ExecuteDeleteAsync(cancellationToken);
        return challenges + browsers;
    }
}
