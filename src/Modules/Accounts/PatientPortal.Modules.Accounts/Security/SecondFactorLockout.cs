namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// The one place a wrong second-factor code (authenticator, emailed code or recovery code) counts toward the account's
/// sign-in lockout, the same count a wrong password feeds. Whoever changes how sign-in failures are throttled changes this.
/// </summary>
internal static class SecondFactorLockout
{
    /// <returns>True when this failure locked the account.</returns>
    public static bool CountWrongCode(Account account, AccountsOptions options, DateTimeOffset now) =>
        account.RecordFailedSignIn(options.MaxFailedSignIns, options.LockoutDuration, now);
}
