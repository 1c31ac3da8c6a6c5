namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SetPreferredLanguageHandler(AccountsDbContext db, ICurrentAccount current) : IRequestHandler<SetPreferredLanguage, Result>
{
    public async Task<Result> Handle(SetPreferredLanguage request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        account.SetLanguage(AccountRules.Culture(request.Language));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
