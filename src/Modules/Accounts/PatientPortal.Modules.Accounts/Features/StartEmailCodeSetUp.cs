namespace PatientPortal.Modules.Accounts.Features;

internal sealed class StartEmailCodeSetUpHandler(AccountsDbContext db, ICurrentAccount current, AccountMail mail, TimeProvider clock)
    : IRequestHandler<StartEmailCodeSetUp, Result>
{
    // Parallel requests each count: the factor's version makes them take turns.
    public Task<Result> Handle(StartEmailCodeSetUp request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(cancellationToken));

    private async Task<Result> AttemptAsync(CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        if (SignInSteps.MustUseAuthenticator(account))
        {
            return new Error(AccountErrors.SecondFactorRequiredForStaff);
        }

        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == id, cancellationToken);
        if (factor is { IsOn: true })
        {
            return new Error(AccountErrors.SecondFactorAlreadyOn);
        }

        if (factor is null)
        {
            factor = SecondFactor.For(id);
            db.SecondFactors.Add(factor);
        }

        if (!EmailedCode.TrySend(db, mail, account, factor, clock.GetUtcNow()))
        {
            return new Error(AccountErrors.TooManyEmailCodes);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
