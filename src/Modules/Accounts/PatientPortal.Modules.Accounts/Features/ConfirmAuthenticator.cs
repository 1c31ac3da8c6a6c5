namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ConfirmAuthenticatorHandler(
    AccountsDbContext db, ICurrentAccount current, Authenticator authenticator, SecondFactorProof proof, CurrentPassword currentPassword,
    AccountMail mail, TimeProvider clock)
    : IRequestHandler<ConfirmAuthenticator, Result<SecondFactorTurnedOn>>
{
    public Task<Result<SecondFactorTurnedOn>> Handle(ConfirmAuthenticator request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SecondFactorTurnedOn>> AttemptAsync(ConfirmAuthenticator request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == id, cancellationToken);
        if (factor is { IsOn: true })
        {
            return new Error(AccountErrors.SecondFactorAlreadyOn);
        }

        // The session must be the caller's own: ids from the page are never trusted on their own.
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == request.CurrentSessionId && s.AccountId == id && s.EndedUtc == null, cancellationToken);
        if (session is null)
        {
            return Error.Forbidden;
        }

        // The person typing holds the key already: a wrong code here guesses nothing, so it does not count toward the lockout.
        if (factor?.PendingKey is not { } pending
            || authenticator.UnprotectPending(pending, request.CurrentSessionId) is not { } key
            || Authenticator.MatchingStep(key, request.Code, now) is not { } step)
        {
            return new Error(AccountErrors.SecondFactorCodeWrong, nameof(request.Code));
        }

        // A stolen session must not be able to put its own app on the account (and lock the owner out): the password too.
        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        if (await currentPassword.CheckAsync(account, request.Password, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return refused with { Field = nameof(request.Password) };
        }

        factor.TurnOnAuthenticator(authenticator.Protect(key), step, now);
        session.PassSecondFactor();
        // Like a password change: a session opened with the password alone (by whoever else had it) must now pass the app.
        await Sessions.EndAllAsync(db, id, except: session.Id, now, cancellationToken);
        var codes = await proof.NewRecoveryCodesAsync(id, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "SecondFactorOn", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return new SecondFactorTurnedOn(codes, SessionResult.For(account, session));
    }
}
