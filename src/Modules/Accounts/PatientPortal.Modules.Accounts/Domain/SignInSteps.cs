namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// What follows a right password: with a second factor on, a pending challenge (and the emailed code, for that
/// factor), unless the browser is trusted; without one, the session. The source's failures are forgiven only when a session opens, so a known
/// password cannot reset the count of wrong codes.
/// </summary>
internal sealed class SignInSteps(AccountsDbContext db, AccountMail mail, KnownDevices devices)
{
    /// <summary>Saves: the challenge (with its email) or the new session; then tells the guard how the try ended.</summary>
    public async Task<Result<SignedIn>> AfterPasswordAsync(Account account, SignInGuard.Attempt attempt, SignIn request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == account.Id, cancellationToken);
        var trusted = factor is { IsOn: true } && await IsTrustedAsync(account, request.TrustedBrowser, now, cancellationToken);
        if (factor is { IsOn: true } && !trusted)
        {
            var token = Secrets.NewToken();
            var challenge = SignInChallenge.Start(account, Secrets.Hash(token), now);
            if (factor.Kind == SecondFactorKind.Email)
            {
                var code = Secrets.NewCode();
                challenge.SetEmailCode(Secrets.HashCode(account.Id, code));
                mail.Queue(db, account.Email, account.Language, "SignInCode", ("Name", account.FirstName), ("Code", code));
            }

            db.SignInChallenges.Add(challenge);
            await db.SaveChangesAsync(cancellationToken);
            await attempt.RightSecretAsync();
            var method = factor.Kind == SecondFactorKind.Email ? SecondFactorMethods.Email : SecondFactorMethods.Authenticator;
            return new SignedIn(account.Id, Guid.Empty, account.Email, account.DisplayName, account.Role, account.Language)
            {
                SecondFactorRequired = new SecondFactorRequired(token, method, challenge.ExpiresUtc, CanTrustBrowser: !MustUseAuthenticator(account)),
            };
        }

        var session = Open(account, request.UserAgent, secondFactorPassed: trusted, now);
        await db.SaveChangesAsync(cancellationToken);
        await attempt.SucceededAsync();
        return Opened(account, session, request.KnownDevice) with { MustSetUpAuthenticator = MustUseAuthenticator(account) && !trusted };
    }

    // A browser the patient trusted (30 days, revocable, ended by a password change) stands in for the code. Never for
    // staff, who use their app at every sign-in.
    private async Task<bool> IsTrustedAsync(Account account, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (MustUseAuthenticator(account) || string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        var hash = Secrets.Hash(token);
        var browser = await db.TrustedBrowsers.SingleOrDefaultAsync(b => b.TokenHash == hash && b.AccountId == account.Id, cancellationToken);
        return browser is not null && browser.IsUsable(account, now);
    }

    /// <summary>Opens a session (not saved; once it is, the caller tells the guard the sign-in succeeded).</summary>
    public Session Open(Account account, string? userAgent, bool secondFactorPassed, DateTimeOffset now)
    {
        var session = Session.Start(account.Id, userAgent, now);
        if (secondFactorPassed)
        {
            session.PassSecondFactor();
        }

        db.Sessions.Add(session);
        return session;
    }

    /// <summary>What the host is told of a session just opened: with this browser's known-device token, renewed.</summary>
    public SignedIn Opened(Account account, Session session, string? knownDevice) =>
        SessionResult.For(account, session) with { KnownDeviceToken = devices.Issue(account, knownDevice) };

    /// <summary>Staff and admins: the authenticator app, at every sign-in (no email codes, no trusted browser).</summary>
    public static bool MustUseAuthenticator(Account account) => account.Role is Roles.Staff or Roles.Admin;
}
