namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SignInHandler(AccountsDbContext db, Credentials credentials, SignInGuard guard, SignInSteps steps, TimeProvider clock)
    : IRequestHandler<SignIn, Result<SignedIn>>
{
    private static readonly Error InvalidCredentials = new(AccountErrors.InvalidCredentials);

    public async Task<Result<SignedIn>> Handle(SignIn request, CancellationToken cancellationToken)
    {
        // Counted before the password is checked, for known and unknown addresses alike: parallel guesses all count,
        // and time tells nothing.
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var attempt = await guard.BeginAsync(normalized, account, request.KnownDevice, cancellationToken);

        // The password is checked in every case (a decoy hash for unknown emails).
        var (matches, rehash) = credentials.Verify(account, account?.PasswordHash, request.Password ?? "");
        if (attempt.Refused)
        {
            return InvalidCredentials;
        }

        if (account is null || !matches)
        {
            await attempt.FailedAsync(account, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return InvalidCredentials;
        }

        if (!account.IsActive)
        {
            await attempt.RightSecretAsync();
            return new Error(AccountErrors.NotActivated);
        }

        if (rehash is not null)
        {
            account.UpgradePasswordHash(rehash);
        }

        // A second factor, when on, comes next (a pending challenge); otherwise the session opens.
        return await steps.AfterPasswordAsync(account, attempt, request, clock.GetUtcNow(), cancellationToken);
    }
}
