namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// Ends sessions of an account: all of them after a reset, all but the current one after a password change, an email change or
/// "sign out of all other sessions" (which also forgets the trusted browsers), and when the authenticator app is turned on.
/// The caller saves, with the rest of its change.
/// </summary>
internal static class Sessions
{
    public static async Task EndAllAsync(AccountsDbContext db, Guid accountId, Guid? except, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Sessions.Where(s => s.AccountId == accountId && s.EndedUtc == null && s.Id != except).ToListAsync(cancellationToken);
        open.ForEach(s => s.End(now));
    }

    /// <summary>
    /// Revokes every trusted browser of the account: one of them may be the other device being signed out, and it would
    /// otherwise skip the code at its next sign-in. The caller saves.
    /// </summary>
    public static async Task ForgetTrustedBrowsersAsync(AccountsDbContext db, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var trusted = await db.TrustedBrowsers.Where(b => b.AccountId == accountId && b.RevokedUtc == null).ToListAsync(cancellationToken);
        trusted.ForEach(b => b.Revoke(now));
    }
}
