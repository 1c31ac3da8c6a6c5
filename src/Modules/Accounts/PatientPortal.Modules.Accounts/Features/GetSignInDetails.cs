namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetSignInDetailsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<GetSignInDetails, Result<SignInDetails>>
{
    public async Task<Result<SignInDetails>> Handle(GetSignInDetails request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        // One round trip: the account and its newest pending email change, if any.
        var details = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Email,
                a.PasswordChangedUtc,
                PendingEmail = db.Tokens
                    .Where(t => t.AccountId == id && t.Purpose == TokenPurpose.EmailChange && t.UsedUtc == null && t.ExpiresUtc > now && t.SecurityStamp == a.SecurityStamp)
                    .OrderByDescending(t => t.CreatedUtc)
                    .Select(t => t.NewEmail)
                    .FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        return new SignInDetails(details.Email, details.PasswordChangedUtc, details.PendingEmail);
    }
}
