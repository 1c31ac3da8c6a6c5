using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Profiles.Emails;

namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>
/// Staff give an account proxy access to a record (<see cref="AttachProfile"/>, an approved <see cref="DecideConnectionRequest"/>):
/// pending the person's consent when they have reached the age of consent (and they are emailed to log in and approve),
/// active otherwise; a revoked link is renewed (one row per account and profile), a live one is left alone. Adds the
/// link, its audit, the event and the mail to the context; the caller saves.
/// </summary>
internal sealed class StaffGrant(ClinicCalendar calendar, ProfileMail mail, TimeProvider clock)
{
    /// <returns>The new state, or <see cref="ProfilesErrors.AlreadyLinked"/> when the account already has a live link to the record.</returns>
    public async Task<Result<AccessState>> GrantAsync(
        ProfilesDbContext db, Profile profile, Guid accountId, Relationship relationship, ProfileTabs tabs, Guid staffAccountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reached = calendar.HasReachedAgeOfConsent(profile.DateOfBirth);
        var state = reached ? AccessState.PendingConsent : AccessState.Active;
        var existing = await db.Accesses.SingleOrDefaultAsync(a => a.AccountId == accountId && a.ProfileId == profile.Id, cancellationToken);
        if (existing is not null && existing.Relationship == Relationship.Self)
        {
            return new Error(ProfilesErrors.OwnProfile);
        }

        if (existing is not null && existing.StateNow(reached) != AccessState.Revoked)
        {
            return new Error(ProfilesErrors.AlreadyLinked);
        }

        ProfileAccess access;
        if (existing is null)
        {
            (access, var change) = ProfileAccess.GrantProxy(accountId, profile.Id, relationship, tabs, state, staffAccountId, consentGivenBy: null, ConsentBasis.StaffDecision, now);
            db.Accesses.Add(access);
            db.AccessChanges.Add(change);
        }
        else
        {
            access = existing;
            db.AccessChanges.Add(access.Renew(relationship, tabs, state, staffAccountId, consentGivenBy: null, ConsentBasis.StaffDecision, now));
        }

        db.Publish(new ProfileAccessGranted(accountId, profile.Id, access.Relationship, access.State, access.Permissions), clock);
        if (state == AccessState.PendingConsent && profile.ContactEmail is { } to)
        {
            var holder = await HolderNameAsync(db, accountId, cancellationToken);
            mail.Queue(db, to, profile.PreferredLanguage, "ProxyAccessToApprove", ("Name", profile.FirstName), ("Holder", holder ?? ""));
        }

        return state;
    }

    /// <summary>The account holder's name, as on the account's own profile (null when it has none yet).</summary>
    public static async Task<string?> HolderNameAsync(ProfilesDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        await db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.Relationship == Relationship.Self)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => p.FirstName + " " + p.LastName)
            .SingleOrDefaultAsync(cancellationToken);
}
