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
        var lapsed = UnclaimedAccounts.Lapsed(db, options.Value.ActivationLinkLifetime + SecondFactorRetention.KeptAfterUse, clock.GetUtcNow());
        var ids = await lapsed.Select(a => a.Id).Take(1000).ToListAsync(cancellationToken);
        await db.Tokens.Where(t => ids.Contains(t.AccountId)).ExecuteDeleteAsync(cancellationToken);
        return await db.Accounts.Where(a => ids.Contains(a.Id) && a.Status == AccountStatus.PendingActivation).ExecuteDeleteAsync(cancellationToken);
    }
}
