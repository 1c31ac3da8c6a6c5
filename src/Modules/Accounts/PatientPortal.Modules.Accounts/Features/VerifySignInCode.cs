namespace PatientPortal.Modules.Accounts.Features;

internal sealed class VerifySignInCodeHandler(
    AccountsDbContext db, SecondFactorProof proof, SignInSteps steps, SignInGuard guard, TimeProvider clock)
    : IRequestHandler<VerifySignInCode, Result<SignedIn>>
{
    public async Task<Result<SignedIn>> Handle(VerifySignInCode request, CancellationToken cancellationToken)
    {
        if (await PendingChallenge.FindAsync(db, request.ChallengeToken, clock.GetUtcNow(), cancellationToken) is not (_, var pending, _))
        {
            return new Error(AccountErrors.SecondFactorExpired);
        }

        // Counted before the code is checked: parallel guesses all count.
        var attempt = await guard.BeginAsync(pending.NormalizedEmail, pending, request.KnownDevice, cancellationToken);
        if (attempt.Refused)
        {
            return new Error(AccountErrors.TooManyAttempts);
        }

        // The same code sent twice at once: the factor's version lets one take the time step; the other re-reads and is refused.
        return await ConcurrencyRetry.RunAsync(db, () => CheckAsync(request, attempt, cancellationToken));
    }

    private async Task<Result<SignedIn>> CheckAsync(VerifySignInCode request, SignInGuard.Attempt attempt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await PendingChallenge.FindAsync(db, request.ChallengeToken, now, cancellationToken) is not (var challenge, var account, var factor))
        {
            return new Error(AccountErrors.SecondFactorExpired);
        }

        if (await proof.AcceptAsync(factor, request.Code, challenge.EmailCodeHash, now, cancellationToken))
        {
            challenge.Use(now);
            var session = steps.Open(account, request.UserAgent, secondFactorPassed: true, now);
            string? browserToken = null;
            if (request.TrustThisBrowser && !SignInSteps.MustUseAuthenticator(account))
            {
                browserToken = Secrets.NewToken();
                db.TrustedBrowsers.Add(TrustedBrowser.Trust(account, Secrets.Hash(browserToken), request.UserAgent, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await attempt.SucceededAsync();
            return steps.Opened(account, session, request.KnownDevice) with { TrustedBrowserToken = browserToken };
        }

        var spent = challenge.RecordWrongCode(now);
        await db.SaveChangesAsync(cancellationToken);
        var refused = await attempt.FailedAsync(account, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return spent ? new Error(AccountErrors.SecondFactorExpired)
            : refused ? new Error(AccountErrors.TooManyAttempts)
            : new Error(AccountErrors.SecondFactorCodeWrong, nameof(request.Code));
    }
}
