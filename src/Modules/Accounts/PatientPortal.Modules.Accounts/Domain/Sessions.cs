namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// Ends sessions of an account: all of them after a reset, all but the current one after a password change, an email change or
/// "sign out of all other sessions". The caller saves, with the rest of its change.
/// </summary>
internal static class Sessions
{
    public static async Task EndAllAsync(AccountsDbContext db, Guid accountId, Guid? except, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Sessions.Where(s => s.AccountId == accountId && s.EndedUtc == null && s.Id != except).ToListAsync(cancellationToken);
        open.ForEach(s => s.End(now));
    }
}
