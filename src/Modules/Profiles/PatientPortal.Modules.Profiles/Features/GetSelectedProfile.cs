using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Asked on every request: the requested profile when the account's link to it is active now, else the account's own.
/// A refused request (another family's id, a link revoked or ended at the age of consent since the cookie was set) is
/// recorded on the read trail; the host then forgets the id, so this happens once per stale cookie. An allowed selection
/// (name and birth date, on every page) is not recorded: each page that reads the file records its own read (ADR 0014).
/// </summary>
internal sealed class GetSelectedProfileHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetSelectedProfile, Result<SelectedProfile>>
{
    public async Task<Result<SelectedProfile>> Handle(GetSelectedProfile request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var refused = false;
        if (request.Requested is { } requested)
        {
            var link = await ActingFor.FindAsync(db, accountId, requested, calendar, tracked: false, cancellationToken);
            if (link.AllowedNow)
            {
                return Selected(link.Profile!, link.Access!.Relationship, link.Tabs, refused: false);
            }

            link.RecordRead(db, accountId, requested, "select", clock.GetUtcNow());
            await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
            refused = true;
        }

        var own = await db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.Relationship == Relationship.Self && a.State == AccessState.Active)
            .Join(db.Profiles.AsNoTracking(), a => a.ProfileId, p => p.Id, (a, p) => p)
            .FirstOrDefaultAsync(cancellationToken);
        return own is null ? Error.NotFound : Selected(own, Relationship.Self, ProfileTabs.All, refused);
    }

    private static SelectedProfile Selected(Profile profile, Relationship relationship, ProfileTabs tabs, bool refused) =>
        new(profile.Id, profile.FirstName, profile.LastName, profile.DateOfBirth, relationship, tabs, refused);
}
