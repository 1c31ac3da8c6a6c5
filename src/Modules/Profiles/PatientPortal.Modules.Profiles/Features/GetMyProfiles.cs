namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Every link of the account with its state now (the age rule applied at this instant, as MayActFor does) and why it
/// ended; never another account's links. A proxy link the account itself asked for from Connected Accounts, still
/// waiting for the person's consent, is left out: the requester learns nothing about the person (not even that the
/// clinic has them) until the person decides (Connected Accounts must not be a match oracle, see ConnectProfile). A link
/// staff attached and the person has yet to approve is shown, "pending consent": the clinic told the account holder.
/// Not on the read trail: the list of one's own links is account data (ADR 0014).
/// </summary>
internal sealed class GetMyProfilesHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar)
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
            .Where(a => a.Relationship == Relationship.Self || a.State != AccessState.PendingConsent
                || db.AccessChanges.Where(c => c.AccessId == a.Id).OrderByDescending(c => c.ChangedUtc).Select(c => c.Basis).FirstOrDefault() != ConsentBasis.ProxyRequest)
            .Join(db.Profiles.AsNoTracking(), a => a.ProfileId, p => p.Id, (a, p) => new { Access = a, p.Id, p.FirstName, p.LastName, p.DateOfBirth })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r =>
            {
                var reached = calendar.HasReachedAgeOfConsent(r.DateOfBirth);
                var state = r.Access.StateNow(reached);
                var endedNow = state == AccessState.Revoked && r.Access.State != AccessState.Revoked;
                return new MyProfile(
                    r.Id, r.FirstName, r.LastName, r.DateOfBirth, r.Access.Relationship, state, r.Access.Permissions,
                    endedNow ? BirthdayStart(r.DateOfBirth) : r.Access.RevokedUtc,
                    endedNow ? LinkEndReason.AgeOfConsentReached : state == AccessState.Revoked ? Reason(r.Access.RevokedReason) : null);
            })
            .OrderBy(p => p.Relationship != Relationship.Self)
            .ThenBy(p => p.LastName, StringComparer.CurrentCulture)
            .ThenBy(p => p.FirstName, StringComparer.CurrentCulture)
            .ThenBy(p => p.DateOfBirth)
            .ToList();
    }

    // The first instant of the birthday of consent, clinic time: when the link ended, before any job marked it.
    private DateTimeOffset BirthdayStart(DateOnly dateOfBirth) =>
        TimeZoneInfo.ConvertTimeToUtc(calendar.AgeOfConsentDay(dateOfBirth).ToDateTime(TimeOnly.MinValue), calendar.Zone);

    private static LinkEndReason? Reason(RevocationReason? reason) => reason switch
    {
        RevocationReason.AgeOfConsentReached => LinkEndReason.AgeOfConsentReached,
        RevocationReason.RevokedByStaff => LinkEndReason.RevokedByStaff,
        RevocationReason.RevokedByPatient => LinkEndReason.RevokedByPatient,
        RevocationReason.ConsentDeclined => LinkEndReason.ConsentDeclined,
        _ => null,
    };
}
