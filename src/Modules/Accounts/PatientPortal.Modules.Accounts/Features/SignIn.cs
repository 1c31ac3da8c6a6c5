namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SignInHandler(AccountsDbContext db, Credentials credentials, SignInSteps steps, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<SignIn, Result<SignedIn>>
{
    private static readonly Error InvalidCredentials = new(AccountErrors.InvalidCredentials);

    // Parallel attempts on one account must each count: a conflicting write is retried on fresh data.
    public Task<Result<SignedIn>> Handle(SignIn request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SignedIn>> AttemptAsync(SignIn request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);

        // The password is checked in every case (a decoy hash for unknown emails), so time tells nothing either.
        var (matches, rehash) = credentials.Verify(account, account?.PasswordHash, request.Password ?? "");
        if (account is null)
        {
            return InvalidCredentials;
        }

        if (account.IsLocked(now))
        {
            return InvalidCredentials;
        }

        if (!matches)
        {
            account.RecordFailedSignIn(options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
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
        return await steps.AfterPasswordAsync(account, request.UserAgent, now, cancellationToken);
    }
}
