using MediatR;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SignOutOtherSessionsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock) : IRequestHandler<SignOutOtherSessions, Result>
{
    public async Task<Result> Handle(SignOutOtherSessions request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        await Sessions.EndAllAsync(db, id, except: request.CurrentSessionId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
