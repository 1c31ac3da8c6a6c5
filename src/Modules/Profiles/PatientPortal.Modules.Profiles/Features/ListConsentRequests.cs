namespace PatientPortal.Modules.Profiles.Features;

internal sealed class ListConsentRequestsHandler(ProfilesDbContext db, ICurrentAccount current)
    : IRequestHandler<ListConsentRequests, Result<IReadOnlyList<ConsentRequest>>>
{
    public async Task<Result<IReadOnlyList<ConsentRequest>>> Handle(ListConsentRequests request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        if (await OwnProfile.IdOfAsync(db, accountId, cancellationToken) is not { } mine)
        {
            return Array.Empty<ConsentRequest>();
        }

        var pending = await db.Accesses.AsNoTracking()
            .Where(a => a.ProfileId == mine && a.State == AccessState.PendingConsent && a.Relationship != Relationship.Self)
            .OrderBy(a => a.CreatedUtc)
            .Select(a => new { a.Id, a.AccountId, a.Relationship, a.Permissions })
            .ToListAsync(cancellationToken);
        var names = await RequesterNames.OfAsync(db, pending.Select(p => p.AccountId).ToList(), cancellationToken);
        return pending
            .Select(p => names.TryGetValue(p.AccountId, out var name)
                ? new ConsentRequest(p.Id, name.FirstName, name.LastName, p.Relationship, p.Permissions)
                : new ConsentRequest(p.Id, "", "", p.Relationship, p.Permissions))
            .ToList();
    }
}
