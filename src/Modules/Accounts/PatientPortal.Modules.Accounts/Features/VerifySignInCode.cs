namespace PatientPortal.Modules.Accounts.Features;

internal sealed class VerifySignInCodeHandler(
    AccountsDbContext db, SecondFactorProof proof, SignInSteps steps, SignInGuard guard, TimeProvider clock)
    : IRequestHandler<VerifySignInCode, Result<SignedIn>>
{
    // The same code sent twice at once: the factor's version lets one take the time step; the other re-reads and is refused.
    public Task<Result<SignedIn>> Handle(VerifySignInCode request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SignedIn>> AttemptAsync(VerifySignInCode request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await PendingChallenge.FindAsync(db, request.ChallengeToken, now, cancellationToken) is not (var challenge, var account, var factor))
        {
            return new Error(AccountErrors.SecondFactorExpired);
        }

        var attempt = await guard.ForAsync(account.NormalizedEmail, cancellationToken);
        if (attempt.IsBlocked)
        {
            return new Error(AccountErrors.TooManyAttempts);
        }

        if (await proof.AcceptAsync(factor, request.Code, challenge.EmailCodeHash, now, cancellationToken))
        {
            challenge.Use(now);
            var session = steps.Open(account, attempt, request.UserAgent, secondFactorPassed: true, now);
            string? browserToken = null;
            if (request.TrustThisBrowser && !SignInSteps.MustUseAuthenticator(account))
            {
                browserToken = Secrets.NewToken();
                db.TrustedBrowsers.Add(TrustedBrowser.Trust(account, Secrets.Hash(browserToken), request.UserAgent, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            return SessionResult.For(account, session) with { TrustedBrowserToken = browserToken };
        }

        attempt.Failed(account);
        var locked = attempt.IsBlocked;
        var spent = challenge.RecordWrongCode(now);
        await db.SaveChangesAsync(cancellationToken);
        return spent ? new Error(AccountErrors.SecondFactorExpired)
            : locked ? new Error(AccountErrors.TooManyAttempts)
            : new Error(AccountErrors.SecondFactorCodeWrong, nameof(request.Code));
    }
}
