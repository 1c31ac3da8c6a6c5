namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>Issues an activation link and queues the "Activate Your Account" email (registration and resend).</summary>
internal static class ActivationMail
{
    public static string Send(AccountsDbContext db, AccountMail mail, Account account, TimeSpan lifetime, DateTimeOffset now)
    {
        var token = Secrets.NewToken();
        db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.Activation, Secrets.Hash(token), lifetime, now));
        mail.Queue(db, account.Email, account.Language, "ActivateAccount", ("Name", account.FirstName), ("Link", mail.Link(AccountLink.Activation, token)));
        return token;
    }
}
