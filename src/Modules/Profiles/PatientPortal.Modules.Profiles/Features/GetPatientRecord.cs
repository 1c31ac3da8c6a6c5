using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// The record, its links with their state now (the age rule applied at this instant) and each account holder's name,
/// and the last <see cref="RecentChanges"/> audited changes. The read is recorded (F29), refused reads too.
/// </summary>
internal sealed class GetPatientRecordHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetPatientRecord, Result<PatientRecord>>
{
    public const int RecentChanges = 50;
    public const string What = "admin-record";

    public async Task<Result<PatientRecord>> Handle(GetPatientRecord request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            if (current.AccountId is { } reader && await db.Profiles.AnyAsync(p => p.Id == request.ProfileId, cancellationToken))
            {
                db.ProfileReads.Add(ProfileRead.Of(reader, request.ProfileId, ReaderRole.Staff, What, allowed: false, clock.GetUtcNow(), staff: StaffReader.Of(current)));
                await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
            }

            return Error.Forbidden;
        }

        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProfileId, cancellationToken);
        if (profile is null)
        {
            return Error.NotFound;
        }

        var reached = calendar.HasReachedAgeOfConsent(profile.DateOfBirth);
        var accesses = await db.Accesses.AsNoTracking().Where(a => a.ProfileId == profile.Id).ToListAsync(cancellationToken);
        var accountIds = accesses.Select(a => a.AccountId).ToList();
        var holders = await db.Accesses.AsNoTracking()
            .Where(a => accountIds.Contains(a.AccountId) && a.Relationship == Relationship.Self)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new { a.AccountId, p.FirstName, p.LastName })
            .ToDictionaryAsync(h => h.AccountId, cancellationToken);
        var links = accesses
            .OrderBy(a => a.Relationship != Relationship.Self)
            .ThenBy(a => a.StateNow(reached) == AccessState.Revoked)
            .ThenBy(a => a.CreatedUtc)
            .Select(a => new PatientLink(
                a.Id, a.AccountId, holders.GetValueOrDefault(a.AccountId)?.FirstName, holders.GetValueOrDefault(a.AccountId)?.LastName,
                a.Relationship, a.StateNow(reached), a.Permissions, a.PersonConsented, a.CreatedUtc,
                a.RevokedUtc,
                a.RevokedReason?.ToString() ?? (a.StateNow(reached) == AccessState.Revoked ? nameof(RevocationReason.AgeOfConsentReached) : null),
                a.Version))
            .ToList();
        var changes = (await db.AccessChanges.AsNoTracking()
                .Where(c => c.ProfileId == profile.Id)
                .OrderByDescending(c => c.ChangedUtc)
                .Take(RecentChanges)
                .ToListAsync(cancellationToken))
            .Select(c => new PatientAccessChange(c.ChangedUtc, c.AccountId, c.Kind.ToString(), c.ChangedBy, c.ConsentGivenBy, c.Basis.ToString(), c.Relationship, c.State, c.Permissions))
            .ToList();

        db.ProfileReads.Add(ProfileRead.Of(current.AccountId!.Value, profile.Id, ReaderRole.Staff, What, allowed: true, clock.GetUtcNow(), staff: StaffReader.Of(current)));
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        return new PatientRecord(profile.Id, PatientDetailsRules.ToDetails(profile), reached, profile.UpdatedUtc, links, changes);
    }
}
