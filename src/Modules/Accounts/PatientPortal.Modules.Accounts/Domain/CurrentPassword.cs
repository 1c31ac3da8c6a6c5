namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// Re-authentication on the change forms. A wrong current password counts in the same <see cref="SignInGuard"/> as a
/// sign-in, so a stolen session cannot be used to guess the password; a blocked source is refused even the right one.
/// The lock of the whole account (guesses from everywhere) does not stop a signed-in owner from changing the password.
/// </summary>
internal sealed class CurrentPassword(Credentials credentials, SignInGuard guard)
{
    /// <summary>
    /// Checks the password the signed-in account typed (call it before changing anything: the count is saved first).
    /// A wrong one is counted; the caller saves (the lock's notice, if any) before it answers with the refusal.
    /// </summary>
    /// <returns>Null when it matches; otherwise <see cref="AccountErrors.PasswordWrong"/> or <see cref="AccountErrors.TooManyAttempts"/>.</returns>
    public async Task<Error?> CheckAsync(Account account, string? password, CancellationToken cancellationToken)
    {
        var attempt = await guard.BeginForOwnerAsync(account.NormalizedEmail, secondFactorCode: false, cancellationToken);
        var matches = credentials.Verify(account, account.PasswordHash, password ?? "").Matches;
        if (attempt.Refused)
        {
            return new Error(AccountErrors.TooManyAttempts);
        }

        if (matches)
        {
            await attempt.RightSecretAsync();
            return null;
        }

        return new Error(await attempt.FailedAsync(account, cancellationToken) ? AccountErrors.TooManyAttempts : AccountErrors.PasswordWrong);
    }
}
