namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Read from the attempts' audit, not from the staff requests or links: every attempt that got the neutral answer is
/// listed the same way, whether it matched a child (a staff request), a person of age (a consent request), the caller's
/// own record, an existing link, a record in cooldown, or nobody. Connected attempts (they show as connections) and
/// attempts refused by the daily limit (they got that message) are left out.
/// </summary>
internal sealed class ListMyConnectionRequestsHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<ListMyConnectionRequests, Result<IReadOnlyList<MyConnectionRequest>>>
{
    public async Task<Result<IReadOnlyList<MyConnectionRequest>>> Handle(ListMyConnectionRequests request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var since = clock.GetUtcNow().AddDays(-ListMyConnectionRequests.Days);
        var submitted = await db.ConnectionAttempts.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.AttemptedUtc >= since && a.Outcome != null
                && a.Outcome != ConnectionOutcome.Connected && a.Outcome != ConnectionOutcome.Refused)
            .Select(a => a.AttemptedUtc)
            .ToListAsync(cancellationToken);
        return submitted
            .OrderByDescending(t => t)
            .Select(t => new MyConnectionRequest(t))
            .ToList();
    }
}
