namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>Issues an activation link and queues the "Activate Your Account" email (registration and resend).</summary>
internal static class ActivationMail
{
    /// <param name="source">Who asked (a <see cref="Throttle.SourceKey"/>): the mail counts toward their limit.</param>
    public static async Task SendAsync(AccountsDbContext db, AccountMail mail, Account account, string source, TimeSpan lifetime, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = Secrets.NewToken();
        // A link whose mail the limit dropped would be a live secret nobody holds: issue it only with its mail.
        if (await mail.QueueUnsolicitedAsync(
            db, account.Email, source, account.Language, "ActivateAccount", cancellationToken, ("Name", account.FirstName), ("Link", mail.Link(AccountLink.Activation, token))))
        {
            db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.Activation, Secrets.Hash(token), lifetime, now));
        }
    }
}
