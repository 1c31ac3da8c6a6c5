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
