namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// One indexed, untracked read of the link and the person's birth date; the age rule is applied here, at this
/// instant, so no job has to have run for a birthday to end a parent's access.
/// </summary>
internal sealed class MayActForHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar) : IRequestHandler<MayActFor, bool>
{
    public async Task<bool> Handle(MayActFor request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return false;
        }

        var link = await db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.ProfileId == request.ProfileId)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new { Access = a, p.DateOfBirth })
            .SingleOrDefaultAsync(cancellationToken);
        return link is not null && link.Access.AllowsNow(request.Tab, calendar.HasReachedAgeOfConsent(link.DateOfBirth));
    }
}
