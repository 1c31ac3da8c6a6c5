namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>The link that opens the Terms and Conditions of an account not yet active: emailed, or handed over by an invitation.</summary>
internal static class ActivationToken
{
    private static readonly TokenPurpose[] Purposes = [TokenPurpose.Activation, TokenPurpose.InvitationAccepted];

    /// <summary>Once active, the account opens only with its password: an older activation link finds nothing.</summary>
    public static async Task<(AccountToken Token, Account Account)?> FindAsync(AccountsDbContext db, string? token, DateTimeOffset now, CancellationToken cancellationToken) =>
        await UsableToken.FindAsync(db, token, Purposes, now, cancellationToken) is { Account.IsActive: false } found ? found : null;

    public static bool NeedsPassword(AccountToken token) => token.Purpose == TokenPurpose.Activation;
}
