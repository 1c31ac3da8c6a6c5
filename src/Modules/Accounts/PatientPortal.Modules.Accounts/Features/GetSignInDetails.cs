using MediatR;
using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;

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
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        var pending = await db.Tokens.AsNoTracking()
            .Where(t => t.AccountId == id && t.Purpose == TokenPurpose.EmailChange && t.UsedUtc == null && t.ExpiresUtc > now && t.SecurityStamp == account.SecurityStamp)
            .OrderByDescending(t => t.CreatedUtc)
            .Select(t => t.NewEmail)
            .FirstOrDefaultAsync(cancellationToken);
        return new SignInDetails(account.Email, account.PasswordChangedUtc, pending);
    }
}
