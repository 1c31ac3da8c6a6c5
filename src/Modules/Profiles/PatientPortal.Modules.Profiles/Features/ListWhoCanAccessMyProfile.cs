namespace PatientPortal.Modules.Profiles.Features;

/// <summary>The active proxy links to my own file, as they stand now (a parent's link ended by the age rule is not listed).</summary>
internal sealed class ListWhoCanAccessMyProfileHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar)
    : IRequestHandler<ListWhoCanAccessMyProfile, Result<IReadOnlyList<ProxyOfMine>>>
{
    public async Task<Result<IReadOnlyList<ProxyOfMine>>> Handle(ListWhoCanAccessMyProfile request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        if (await OwnProfile.IdOfAsync(db, accountId, cancellationToken) is not { } mine)
        {
            return Array.Empty<ProxyOfMine>();
        }

        var birthDate = await db.Profiles.Where(p => p.Id == mine).Select(p => p.DateOfBirth).SingleAsync(cancellationToken);
        var reached = calendar.HasReachedAgeOfConsent(birthDate);
        var links = await db.Accesses.AsNoTracking()
            .Where(a => a.ProfileId == mine && a.State == AccessState.Active && a.Relationship != Relationship.Self)
            .OrderBy(a => a.CreatedUtc)
            .ToListAsync(cancellationToken);
        var active = links.Where(a => a.StateNow(reached) == AccessState.Active).ToList();
        var names = await RequesterNames.OfAsync(db, active.Select(a => a.AccountId).ToList(), cancellationToken);
        return active
            .Select(a => names.TryGetValue(a.AccountId, out var name)
                ? new ProxyOfMine(a.Id, name.FirstName, name.LastName, a.Relationship, a.Permissions)
                : new ProxyOfMine(a.Id, "", "", a.Relationship, a.Permissions))
            .ToList();
    }
}
