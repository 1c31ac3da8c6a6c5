namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ConfirmEmailCodeHandler(AccountsDbContext db, ICurrentAccount current, SecondFactorProof proof, AccountMail mail, TimeProvider clock)
    : IRequestHandler<ConfirmEmailCode, Result<SecondFactorTurnedOn>>
{
    public Task<Result<SecondFactorTurnedOn>> Handle(ConfirmEmailCode request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SecondFactorTurnedOn>> AttemptAsync(ConfirmEmailCode request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == id, cancellationToken);
        if (SignInSteps.MustUseAuthenticator(account))
        {
            return new Error(AccountErrors.SecondFactorRequiredForStaff);
        }

        if (factor is null || factor.IsOn)
        {
            return new Error(factor is null ? AccountErrors.SecondFactorCodeWrong : AccountErrors.SecondFactorAlreadyOn);
        }

        // The code proves the mailbox works before sign-ins depend on it; a few wrong tries spend it.
        if (!factor.EmailCodeUsable(now) || !Secrets.CodeMatches(id, request.Code, factor.EmailCodeHash!))
        {
            if (factor.EmailCodeUsable(now))
            {
                factor.RecordWrongEmailCode();
                await db.SaveChangesAsync(cancellationToken);
            }

            return new Error(AccountErrors.SecondFactorCodeWrong, nameof(request.Code));
        }

        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == request.CurrentSessionId && s.AccountId == id && s.EndedUtc == null, cancellationToken);
        if (session is null)
        {
            return Error.Forbidden;
        }

        factor.TurnOnEmail(now);
        session.PassSecondFactor();
        var codes = await proof.NewRecoveryCodesAsync(id, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "SecondFactorOn", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return new SecondFactorTurnedOn(codes, SessionResult.For(account, session));
    }
}
