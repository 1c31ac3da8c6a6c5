namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SendSecondFactorCodeHandler(AccountsDbContext db, ICurrentAccount current, AccountMail mail, TimeProvider clock)
    : IRequestHandler<SendSecondFactorCode, Result>
{
    // Parallel requests each count: the factor's version makes them take turns.
    public Task<Result> Handle(SendSecondFactorCode request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(cancellationToken));

    private async Task<Result> AttemptAsync(CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == id, cancellationToken);
        if (factor is not { Kind: SecondFactorKind.Email })
        {
            return new Error(AccountErrors.SecondFactorOff);
        }

        if (!EmailedCode.TrySend(db, mail, account, factor, clock.GetUtcNow()))
        {
            return new Error(AccountErrors.TooManyEmailCodes);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
