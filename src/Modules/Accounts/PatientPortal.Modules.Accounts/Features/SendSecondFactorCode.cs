namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SendSecondFactorCodeHandler(AccountsDbContext db, ICurrentAccount current, AccountMail mail, TimeProvider clock)
    : IRequestHandler<SendSecondFactorCode, Result>
{
    public async Task<Result> Handle(SendSecondFactorCode request, CancellationToken cancellationToken)
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

        await EmailedCode.SendAsync(db, mail, account, factor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
