namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SignInHandler(AccountsDbContext db, Credentials credentials, SignInGuard guard, SignInSteps steps, TimeProvider clock)
    : IRequestHandler<SignIn, Result<SignedIn>>
{
    private static readonly Error InvalidCredentials = new(AccountErrors.InvalidCredentials);

    // Parallel attempts on one address must each count: a conflicting write is retried on fresh data.
    public Task<Result<SignedIn>> Handle(SignIn request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SignedIn>> AttemptAsync(SignIn request, CancellationToken cancellationToken)
    {
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var attempt = await guard.ForAsync(normalized, cancellationToken);

        // The password is checked in every case (a decoy hash for unknown emails), and an unknown email's failure is
        // counted and written like a real one's, so time tells nothing either.
        var (matches, rehash) = credentials.Verify(account, account?.PasswordHash, request.Password ?? "");
        if (attempt.IsBlocked)
        {
            return InvalidCredentials;
        }

        if (account is null || !matches)
        {
            attempt.Failed(account);
            await db.SaveChangesAsync(cancellationToken);
            return InvalidCredentials;
        }

        if (!account.IsActive)
        {
            return new Error(AccountErrors.NotActivated);
        }

        if (rehash is not null)
        {
            account.UpgradePasswordHash(rehash);
        }

        // A second factor, when on, comes next (a pending challenge); otherwise the session opens.
        return await steps.AfterPasswordAsync(account, attempt, request.UserAgent, clock.GetUtcNow(), cancellationToken);
    }
}
