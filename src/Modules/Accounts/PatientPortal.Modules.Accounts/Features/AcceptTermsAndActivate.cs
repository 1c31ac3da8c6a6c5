using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class AcceptTermsAndActivateHandler(
    AccountsDbContext db, Credentials credentials, SignInGuard guard, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<AcceptTermsAndActivate, Result<SignedIn>>
{
    // A double click: the second submit re-reads and finds the link used, instead of failing on the version.
    public Task<Result<SignedIn>> Handle(AcceptTermsAndActivate request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SignedIn>> AttemptAsync(AcceptTermsAndActivate request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (request.TermsVersion != options.Value.TermsVersion)
        {
            return new Error(AccountErrors.TermsChanged);
        }

        if (await ActivationToken.FindAsync(db, request.Token, now, cancellationToken) is not (var token, var account))
        {
            return new Error(AccountErrors.ActivationLinkInvalid);
        }

        if (ActivationToken.NeedsPassword(token) && await CheckPasswordAsync(request, token, account, now, cancellationToken) is { } refused)
        {
            return refused;
        }

        account.Activate(request.TermsVersion, now);
        token.Use(now);
        var session = Session.Start(account.Id, request.UserAgent, now);
        db.Sessions.Add(session);
        db.Publish(account.Registered(), clock);
        mail.Queue(db, account.Email, account.Language, "AccountActivated", ("Name", account.FirstName));

        await db.SaveChangesAsync(cancellationToken);
        return SessionResult.For(account, session);
    }

    // Whoever reads the mail must also know the password that will open the account: otherwise someone who
    // registered the address with a password of their own would share the account its owner then activates.
    private async Task<Error?> CheckPasswordAsync(AcceptTermsAndActivate request, AccountToken token, Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await LinkAnswers.TryCountAsync(db, token, cancellationToken))
        {
            return new Error(AccountErrors.ActivationLinkInvalid);
        }

        var attempt = await guard.BeginForLinkAsync(account.NormalizedEmail, cancellationToken);
        var matches = credentials.Verify(account, account.PasswordHash, request.Password ?? "").Matches;
        if (attempt.Refused)
        {
            await LinkAnswers.RightAsync(db, token);
            return new Error(AccountErrors.TooManyAttempts, nameof(request.Password));
        }

        if (matches)
        {
            await attempt.RightSecretAsync();
            await LinkAnswers.RightAsync(db, token);
            return null;
        }

        await attempt.FailedAsync(account, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await LinkAnswers.WrongAsync(db, token, now, cancellationToken)
            ? new Error(AccountErrors.ActivationLinkInvalid)
            : new Error(AccountErrors.ActivationPasswordWrong, nameof(request.Password));
    }
}
