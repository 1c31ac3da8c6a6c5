using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;
using PatientPortal.Modules.Accounts.Security;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class TouchSessionHandler(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<TouchSession, Result<SignedIn>>
{
    // Writing "last seen" on every request would be a write per click; a minute's precision is plenty for a 30-minute timeout.
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    public async Task<Result<SignedIn>> Handle(TouchSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        if (session is null || !session.IsAlive(options.Value.IdleTimeout, options.Value.AbsoluteSessionLifetime, now))
        {
            return new Error(AccountErrors.SessionExpired);
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == session.AccountId, cancellationToken);
        if (!account.IsActive)
        {
            return new Error(AccountErrors.SessionExpired);
        }

        if (now - session.LastSeenUtc >= SeenPrecision)
        {
            session.Seen(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return SessionResult.For(account, session);
    }
}
