namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SignInFromTrustedBrowserHandler(AccountsDbContext db, SignInSteps steps, SignInGuard guard, TimeProvider clock)
    : IRequestHandler<SignInFromTrustedBrowser, Result<SignedIn>>
{
    public async Task<Result<SignedIn>> Handle(SignInFromTrustedBrowser request, CancellationToken cancellationToken)
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

        // The password step already counted and passed; this only keeps a blocked source from finishing a sign-in.
        var attempt = await guard.BeginAsync(account.NormalizedEmail, request.KnownDevice, cancellationToken);
        if (attempt.Refused)
        {
            return new Error(AccountErrors.SecondFactorExpired);
        }

        challenge.Use(now);
        var session = steps.Open(account, request.UserAgent, secondFactorPassed: true, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The challenge was used at the same moment (a double submit): this one does not open a second session.
            await attempt.RightSecretAsync();
            return new Error(AccountErrors.SecondFactorExpired);
        }

        await attempt.SucceededAsync();
        return steps.Opened(account, session, request.KnownDevice);
    }
}
