namespace PatientPortal.Modules.Profiles.Features;

internal sealed class ListMyConnectionRequestsHandler(ProfilesDbContext db, ICurrentAccount current)
    : IRequestHandler<ListMyConnectionRequests, Result<IReadOnlyList<MyConnectionRequest>>>
{
    public async Task<Result<IReadOnlyList<MyConnectionRequest>>> Handle(ListMyConnectionRequests request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var open = await db.ConnectionRequests.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.State == ConnectionRequestState.Open)
            .Join(db.Profiles, r => r.ProfileId, p => p.Id, (r, p) => new { p.FirstName, p.LastName, r.Relationship, r.CreatedUtc })
            .ToListAsync(cancellationToken);
        return open
            .OrderBy(r => r.CreatedUtc)
            .Select(r => new MyConnectionRequest(r.FirstName, r.LastName, r.Relationship, r.CreatedUtc))
            .ToList();
    }
}
