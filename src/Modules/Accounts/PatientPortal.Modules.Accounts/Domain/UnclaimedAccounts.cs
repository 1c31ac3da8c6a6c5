namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// Accounts that were never activated and can no longer be: created (or restarted) longer ago than an activation link
/// lives, and no activation link of theirs still works. Such an account held its address forever: a registration
/// begun from an invitation could not be started over, and staff could not invite the address again. Now it lets go.
/// </summary>
internal static class UnclaimedAccounts
{
    private static readonly TokenPurpose[] ActivationPurposes = [TokenPurpose.Activation, TokenPurpose.InvitationAccepted];

    /// <summary>The lapsed accounts, as a query (the hourly purge deletes them; a handler looks up one address in it).</summary>
    public static IQueryable<Account> Lapsed(AccountsDbContext db, TimeSpan activationLinkLifetime, DateTimeOffset now)
    {
        var before = now - activationLinkLifetime;
        return db.Accounts.Where(a => a.Status == AccountStatus.PendingActivation && a.ActivatedUtc == null && a.Role == Roles.Patient
            && a.PasswordChangedUtc <= before
            && !db.Tokens.Any(t => t.AccountId == a.Id && ActivationPurposes.Contains(t.Purpose) && t.UsedUtc == null && t.ExpiresUtc > now));
    }

    /// <summary>
    /// The account holding the address, or null when there is none or it had lapsed: a lapsed one is removed with its
    /// links, in the caller's save, so the same save can give the address to someone else.
    /// </summary>
    public static async Task<Account?> HolderAsync(AccountsDbContext db, string normalizedEmail, TimeSpan activationLinkLifetime, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holder = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalizedEmail, cancellationToken);
        if (holder is null || !await Lapsed(db, activationLinkLifetime, now).AnyAsync(a => a.Id == holder.Id, cancellationToken))
        {
            return holder;
        }

        db.Tokens.RemoveRange(await db.Tokens.Where(t => t.AccountId == holder.Id).ToListAsync(cancellationToken));
        db.Accounts.Remove(holder);
        return null;
    }
}
