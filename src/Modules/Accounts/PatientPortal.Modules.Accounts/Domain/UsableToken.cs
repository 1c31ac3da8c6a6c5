namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>Finds the account behind an emailed link, only while the link is unused, unexpired and its stamp current.</summary>
internal static class UsableToken
{
    public static Task<(AccountToken Token, Account Account)?> FindAsync(
        AccountsDbContext db, string? token, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        FindAsync(db, token, [purpose], now, cancellationToken);

    public static async Task<(AccountToken Token, Account Account)?> FindAsync(
        AccountsDbContext db, string? token, TokenPurpose[] purposes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(token);
        var found = await db.Tokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (found is null || !purposes.Contains(found.Purpose))
        {
            return null;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == found.AccountId, cancellationToken);
        return found.IsUsable(account, now) ? (found, account) : null;
    }
}
