namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>A 6-digit code emailed to the account's own address, valid 10 minutes; only its salted hash is kept.</summary>
internal static class EmailedCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static Task SendAsync(AccountsDbContext db, AccountMail mail, Account account, SecondFactor factor, DateTimeOffset now)
    {
        var code = Secrets.NewCode();
        factor.SendEmailCode(Secrets.HashCode(account.Id, code), now + Lifetime);
        mail.Queue(db, account.Email, account.Language, "SignInCode", ("Name", account.FirstName), ("Code", code));
        return Task.CompletedTask;
    }
}
