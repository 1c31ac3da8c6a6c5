namespace PatientPortal.Modules.Accounts.Features;

internal sealed class TurnOffSecondFactorHandler(
    AccountsDbContext db, ICurrentAccount current, SecondFactorProof proof, AccountMail mail, TimeProvider clock)
    : IRequestHandler<TurnOffSecondFactor, Result>
{
    public Task<Result> Handle(TurnOffSecondFactor request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(TurnOffSecondFactor request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        if (SignInSteps.MustUseAuthenticator(account))
        {
            return new Error(AccountErrors.SecondFactorRequiredForStaff);
        }

        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == id, cancellationToken);
        if (factor is not { IsOn: true })
        {
            return new Error(AccountErrors.SecondFactorOff);
        }

        if (await proof.CheckAsync(account, factor, request.Code, now, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return refused;
        }

        factor.TurnOff();
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.AccountId == id).ToListAsync(cancellationToken));
        await Sessions.ForgetTrustedBrowsersAsync(db, id, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "SecondFactorOff", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
