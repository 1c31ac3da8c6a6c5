namespace PatientPortal.Modules.Accounts.Features;

internal sealed class RegenerateRecoveryCodesHandler(
    AccountsDbContext db, ICurrentAccount current, SecondFactorProof proof, AccountMail mail, TimeProvider clock)
    : IRequestHandler<RegenerateRecoveryCodes, Result<IReadOnlyList<string>>>
{
    public Task<Result<IReadOnlyList<string>>> Handle(RegenerateRecoveryCodes request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<IReadOnlyList<string>>> AttemptAsync(RegenerateRecoveryCodes request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
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

        var codes = await proof.NewRecoveryCodesAsync(id, now, cancellationToken);
        // The owner hears of it, as of the factor going on or off: a stolen session that passed a code could do this too.
        mail.Queue(db, account.Email, account.Language, "RecoveryCodesRegenerated", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(codes);
    }
}
