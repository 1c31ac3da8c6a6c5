namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SignInFromTrustedBrowserHandler(AccountsDbContext db, SignInSteps steps, SignInGuard guard, TimeProvider clock)
    : IRequestHandler<SignInFromTrustedBrowser, Result<SignedIn>>
{
    public Task<Result<SignedIn>> Handle(SignInFromTrustedBrowser request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SignedIn>> AttemptAsync(SignInFromTrustedBrowser request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await PendingChallenge.FindAsync(db, request.ChallengeToken, now, cancellationToken) is not (var challenge, var account, _)
            || SignInSteps.MustUseAuthenticator(account)
            || string.IsNullOrEmpty(request.BrowserToken) || request.BrowserToken.Length > 100)
        {
            return new Error(AccountErrors.SecondFactorExpired);
        }

        var hash = Secrets.Hash(request.BrowserToken);
        var browser = await db.TrustedBrowsers.SingleOrDefaultAsync(b => b.TokenHash == hash && b.AccountId == account.Id, cancellationToken);
        if (browser is null || !browser.IsUsable(account, now))
        {
            return new Error(AccountErrors.SecondFactorExpired);
        }

        var attempt = await guard.ForAsync(account.NormalizedEmail, cancellationToken);
        if (attempt.IsBlocked)
        {
            return new Error(AccountErrors.SecondFactorExpired);
        }

        challenge.Use(now);
        var session = steps.Open(account, attempt, request.UserAgent, secondFactorPassed: true, now);
        await db.SaveChangesAsync(cancellationToken);
        return SessionResult.For(account, session);
    }
}
