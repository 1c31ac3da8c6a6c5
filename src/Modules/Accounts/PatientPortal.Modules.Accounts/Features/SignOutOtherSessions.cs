namespace PatientPortal.Modules.Accounts.Features;

internal sealed class SignOutOtherSessionsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock) : IRequestHandler<SignOutOtherSessions, Result>
{
    public async Task<Result> Handle(SignOutOtherSessions request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        await Sessions.EndAllAsync(db, id, except: request.CurrentSessionId, now, cancellationToken);
        // "Other sessions" includes the devices that may open new ones without a code; this browser signs in with one again too.
        await Sessions.ForgetTrustedBrowsersAsync(db, id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
