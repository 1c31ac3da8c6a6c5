namespace PatientPortal.Modules.Profiles.Features;

internal sealed class GetMyProfilesHandler(ProfilesDbContext db, ICurrentAccount current)
    : IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>
{
    public async Task<Result<IReadOnlyList<MyProfile>>> Handle(GetMyProfiles request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var rows = await db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == accountId)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new MyProfile(
                p.Id, p.FirstName, p.LastName, p.DateOfBirth, a.Relationship, a.State, a.Permissions, a.RevokedUtc))
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(p => p.Relationship != Relationship.Self)
            .ThenBy(p => p.LastName, StringComparer.CurrentCulture)
            .ThenBy(p => p.FirstName, StringComparer.CurrentCulture)
            .ThenBy(p => p.DateOfBirth)
            .ToList();
    }
}
