namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetSignInDetailsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<GetSignInDetails, Result<SignInDetails>>
{
    // One round trip, compiled: the account and its newest pending email change, if any.
    private static readonly CompiledPerProvider<Func<AccountsDbContext, Guid, DateTimeOffset, CancellationToken, Task<SignInDetails>>> Read = new(() =>
        EF.CompileAsyncQuery((AccountsDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken) => db.Accounts.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new SignInDetails(
                a.Email,
                a.PasswordChangedUtc,
                db.Tokens
                    .Where(t => t.AccountId == id && t.Purpose == TokenPurpose.EmailChange && t.UsedUtc == null && t.ExpiresUtc > now && t.SecurityStamp == a.SecurityStamp)
                    .OrderByDescending(t => t.CreatedUtc)
                    .Select(t => t.NewEmail)
                    .FirstOrDefault()))
            .Single()));

    public async Task<Result<SignInDetails>> Handle(GetSignInDetails request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        return await Read.For(db)(db, id, clock.GetUtcNow(), cancellationToken);
    }
}
