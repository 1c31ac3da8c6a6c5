namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>
/// A 6-digit code emailed to the account's own address, valid 10 minutes; only its salted hash is kept. At most
/// <see cref="SecondFactor.MaxEmailCodesPerHour"/> an hour.
/// </summary>
internal static class EmailedCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <returns>False, and nothing sent, when the hour's codes are used up (the caller answers <see cref="AccountErrors.TooManyAttempts"/>).</returns>
    public static bool TrySend(AccountsDbContext db, AccountMail mail, Account account, SecondFactor factor, DateTimeOffset now)
    {
        if (!factor.CanSendEmailCode(now))
        {
            return false;
        }

        var code = Secrets.NewCode();
        factor.SendEmailCode(Secrets.HashCode(account.Id, code), now, now + Lifetime);
        mail.Queue(db, account.Email, account.Language, "SignInCode", ("Name", account.FirstName), ("Code", code));
        return true;
    }
}
