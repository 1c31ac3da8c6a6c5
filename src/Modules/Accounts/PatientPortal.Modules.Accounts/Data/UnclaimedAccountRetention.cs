namespace PatientPortal.Modules.Accounts.Data;

/// <summary>
/// Forgets, with the hourly purge, the accounts nobody activated (<see cref="UnclaimedAccounts.Lapsed"/>), a day after
/// they lapsed, with their links: the details a person typed and never confirmed are not kept, and the address is free.
/// </summary>
internal sealed class UnclaimedAccountRetention(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock) : IModuleRetention
{
    public string Module => db.Schema;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lapsed = UnclaimedAccounts.Lapsed(db, options.Value.ActivationLinkLifetime + SecondFactorRetention.KeptAfterUse, now);
        var ids = await lapsed.Select(a => a.Id).Take(1000).ToListAsync(cancellationToken);

        // A resend or a new registration may land between the two statements: only dead links go, and the delete asks
        // again whether the account lapsed, so one that just got a live link keeps it.
        await db.Tokens.Where(t => ids.Contains(t.AccountId) && (t.UsedUtc != null || t.ExpiresUtc <= now)).ExecuteDeleteAsync(cancellationToken);
        return await lapsed.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
