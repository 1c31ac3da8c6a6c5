using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>
/// A proxy link staff change (<see cref="ChangeProfilePermissions"/>, <see cref="RevokeProfileAccess"/>), at the version
/// staff saw: never a Self link, never one that has ended (stored, or by the age rule now). The version staff saw becomes
/// the concurrency token's original value, so the save's UPDATE only matches that version.
/// </summary>
internal static class StaffLinks
{
    /// <summary>
    /// Staff only (role and second factor): finds the link at the version staff saw, applies <paramref name="change"/>
    /// (given the link, the staff member and now; it returns the audit row and the event to publish) and saves both.
    /// </summary>
    public static async Task<Result> ChangeAsync(
        ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock, Guid accessId, int version,
        Func<ProfileAccess, Guid, DateTimeOffset, (AccessChange Change, IntegrationEvent Event)> change, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var link = await FindAsync(db, accessId, version, calendar, cancellationToken);
        if (link.IsFailure)
        {
            return link;
        }

        var (audit, integrationEvent) = change(link.Value, current.AccountId!.Value, clock.GetUtcNow());
        db.AccessChanges.Add(audit);
        db.Publish(integrationEvent, clock);
        return await SaveAsync(db, cancellationToken);
    }

    private static async Task<Result<ProfileAccess>> FindAsync(ProfilesDbContext db, Guid accessId, int version, ClinicCalendar calendar, CancellationToken cancellationToken)
    {
        var found = await db.Accesses
            .Where(a => a.Id == accessId)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new { Access = a, p.DateOfBirth })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Error.NotFound;
        }

        var access = found.Access;
        if (access.Relationship == Relationship.Self)
        {
            return new Error(ProfilesErrors.SelfLinkFixed);
        }

        if (access.Version != version)
        {
            return new Error(ProfilesErrors.ChangedMeanwhile);
        }

        if (access.StateNow(calendar.HasReachedAgeOfConsent(found.DateOfBirth)) == AccessState.Revoked)
        {
            return new Error(ProfilesErrors.LinkRevoked);
        }

        db.Entry(access).Property(a => a.Version).OriginalValue = version;
        return access;
    }

    /// <summary>Saves; a link changed by someone else since it was read is <see cref="ProfilesErrors.ChangedMeanwhile"/>, with nothing saved.</summary>
    private static async Task<Result> SaveAsync(ProfilesDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ProfilesErrors.ChangedMeanwhile);
        }
    }
}
