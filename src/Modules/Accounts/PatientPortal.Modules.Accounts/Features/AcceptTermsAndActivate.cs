using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class AcceptTermsAndActivateHandler(AccountsDbContext db, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
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

        // Once active, the account opens only with its password: an older activation link must not sign anyone in.
        if (await UsableToken.FindAsync(db, request.Token, TokenPurpose.Activation, now, cancellationToken) is not (var token, var account) || account.IsActive)
        {
            return new Error(AccountErrors.ActivationLinkInvalid);
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
}
