namespace PatientPortal.Modules.Accounts.Features;

/// <summary>
/// Runs on every signed-in request, so it costs one read: the columns of the session and its account that decide and
/// answer the check, untracked, by a compiled query (no password hash or health-card number is read per request).
/// "Last seen" is written at most once a minute, by a single UPDATE.
/// </summary>
internal sealed class TouchSessionHandler(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<TouchSession, Result<SignedIn>>
{
    // Writing "last seen" on every request would be a write per click; a minute's precision is plenty for a 30-minute timeout.
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    // A session answers only for the account its cookie names: a cookie pairing one account with another's session is refused.
    private static readonly CompiledPerProvider<Func<AccountsDbContext, Guid, Guid, CancellationToken, Task<SessionCheck?>>> Find = new(() =>
        EF.CompileAsyncQuery((AccountsDbContext db, Guid sessionId, Guid accountId, CancellationToken cancellationToken) => db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.AccountId == accountId)
            .Join(db.Accounts.AsNoTracking(), s => s.AccountId, a => a.Id, (s, a) => new SessionCheck(
                s.CreatedUtc, s.LastSeenUtc, s.EndedUtc, s.SecondFactorPassed, a.Status, a.Email, a.FirstName, a.LastName, a.Role, a.Language))
            .SingleOrDefault()));

    public async Task<Result<SignedIn>> Handle(TouchSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await Find.For(db)(db, request.SessionId, request.AccountId, cancellationToken);
        if (found is null || found.Status != AccountStatus.Active
            || !Session.IsAlive(found.CreatedUtc, found.LastSeenUtc, found.EndedUtc, options.Value.IdleTimeout, options.Value.AbsoluteSessionLifetime, now))
        {
            return new Error(AccountErrors.SessionExpired);
        }

        if (now - found.LastSeenUtc >= SeenPrecision)
        {
            // Only moves forward: a slower request of the same session never writes an older time over a newer one.
            await db.Sessions
                .Where(s => s.Id == request.SessionId && s.LastSeenUtc < now)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenUtc, now), cancellationToken);
        }

        return new SignedIn(request.AccountId, request.SessionId, found.Email, Account.DisplayNameOf(found.FirstName, found.LastName), found.Role, found.Language) { SecondFactorPassed = found.SecondFactorPassed };
    }
}

internal sealed record SessionCheck(
    DateTimeOffset CreatedUtc,
    DateTimeOffset LastSeenUtc,
    DateTimeOffset? EndedUtc,
    bool SecondFactorPassed,
    AccountStatus Status,
    string Email,
    string FirstName,
    string LastName,
    string Role,
    string Language);
