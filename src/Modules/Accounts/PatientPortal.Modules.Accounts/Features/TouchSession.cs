namespace PatientPortal.Modules.Accounts.Features;

/// <summary>
/// Runs on every signed-in request, so it costs one read: the session with its account, untracked, by a compiled
/// query. "Last seen" is written at most once a minute, by a single UPDATE.
/// </summary>
internal sealed class TouchSessionHandler(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<TouchSession, Result<SignedIn>>
{
    // Writing "last seen" on every request would be a write per click; a minute's precision is plenty for a 30-minute timeout.
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    // A session answers only for the account its cookie names: a cookie pairing one account with another's session is refused.
    private static readonly CompiledPerProvider<Func<AccountsDbContext, Guid, Guid, CancellationToken, Task<SessionOfAccount?>>> Find = new(() =>
        EF.CompileAsyncQuery((AccountsDbContext db, Guid sessionId, Guid accountId, CancellationToken cancellationToken) => db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.AccountId == accountId)
            .Join(db.Accounts.AsNoTracking(), s => s.AccountId, a => a.Id, (session, account) => new SessionOfAccount(session, account))
            .SingleOrDefault()));

    public async Task<Result<SignedIn>> Handle(TouchSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await Find.For(db)(db, request.SessionId, request.AccountId, cancellationToken);
        if (found is null || !found.Session.IsAlive(options.Value.IdleTimeout, options.Value.AbsoluteSessionLifetime, now) || !found.Account.IsActive)
        {
            return new Error(AccountErrors.SessionExpired);
        }

        if (now - found.Session.LastSeenUtc >= SeenPrecision)
        {
            // Only moves forward: a slower request of the same session never writes an older time over a newer one.
            await db.Sessions
                .Where(s => s.Id == request.SessionId && s.LastSeenUtc < now)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenUtc, now), cancellationToken);
        }

        return SessionResult.For(found.Account, found.Session);
    }
}

internal sealed record SessionOfAccount(Session Session, Account Account);
