namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// Re-authentication on the change forms. A wrong current password counts toward the same lockout as a sign-in, so a
/// stolen session cannot be used to guess the password; a locked account is refused even the right one.
/// </summary>
internal static class CurrentPassword
{
    /// <summary>
    /// Checks the password the signed-in account typed. A wrong one is recorded on the account; the caller saves that
    /// before it answers with the refusal.
    /// </summary>
    /// <returns>Null when it matches; otherwise <see cref="AccountErrors.PasswordWrong"/> or <see cref="AccountErrors.TooManyAttempts"/>.</returns>
    public static Error? Check(Account account, Credentials credentials, string? password, AccountsOptions options, DateTimeOffset now)
    {
        var matches = credentials.Verify(account, account.PasswordHash, password ?? "").Matches;
        if (account.IsLocked(now))
        {
            return new Error(AccountErrors.TooManyAttempts);
        }

        if (matches)
        {
            return null;
        }

        var locked = account.RecordFailedSignIn(options.MaxFailedSignIns, options.LockoutDuration, now);
        return new Error(locked ? AccountErrors.TooManyAttempts : AccountErrors.PasswordWrong);
    }
}
