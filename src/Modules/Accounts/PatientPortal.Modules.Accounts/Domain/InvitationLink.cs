namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>The invitation behind an emailed link, and why it can no longer be used (expired, locked, used).</summary>
internal static class InvitationLink
{
    public static async Task<Invitation?> FindAsync(AccountsDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(token);
        return await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    public static Error? Refusal(Invitation? invitation, DateTimeOffset now) => invitation?.State(now) switch
    {
        null => new Error(AccountErrors.InvitationInvalid),
        InvitationState.Expired => new Error(AccountErrors.InvitationExpired),
        InvitationState.Locked => new Error(AccountErrors.InvitationLocked),
        InvitationState.Used => new Error(AccountErrors.InvitationUsed),
        _ => null,
    };
}
