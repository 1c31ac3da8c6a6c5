namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>Finds the sign-in waiting for its second factor behind a challenge token, only while it can still complete.</summary>
internal static class PendingChallenge
{
    public static async Task<(SignInChallenge Challenge, Account Account, SecondFactor Factor)?> FindAsync(
        AccountsDbContext db, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(token);
        var challenge = await db.SignInChallenges.SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
        if (challenge is null)
        {
            return null;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == challenge.AccountId, cancellationToken);
        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == account.Id, cancellationToken);
        return challenge.IsUsable(account, now) && account.IsActive && factor is { IsOn: true } ? (challenge, account, factor) : null;
    }
}
