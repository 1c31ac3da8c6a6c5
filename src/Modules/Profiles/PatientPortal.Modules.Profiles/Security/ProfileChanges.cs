using PatientPortal.Modules.Profiles.Emails;

namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// The change audit (review finding #5): after a record was changed in memory, adds one <see cref="ProfileChange"/>
/// naming the changed fields (nothing when nothing changed) and, when a proxy changed the record of a person who has
/// their own account (an active Self link), queues an email telling them, without saying what changed. The caller saves
/// everything in one SaveChanges with the change itself.
/// </summary>
internal static class ProfileChanges
{
    /// <returns>The names of the changed fields (empty: nothing was recorded).</returns>
    public static async Task<IReadOnlyList<string>> RecordAsync(
        ProfilesDbContext db, ProfileMail mail, ProfileSnapshot before, Profile profile, Guid actorAccountId, ReaderRole role,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fields = before.ChangedIn(ProfileSnapshot.Of(profile));
        if (fields.Count == 0)
        {
            return fields;
        }

        db.ProfileChanges.Add(ProfileChange.Of(actorAccountId, profile.Id, role, fields, now));
        if (role == ReaderRole.Proxy
            && profile.ContactEmail is { } to
            && await db.Accesses.AnyAsync(
                a => a.ProfileId == profile.Id && a.Relationship == Relationship.Self && a.State == AccessState.Active && a.AccountId != actorAccountId,
                cancellationToken))
        {
            var proxy = await StaffGrant.HolderNameAsync(db, actorAccountId, cancellationToken);
            mail.Queue(db, to, before.PreferredLanguage, "ProfileUpdatedByProxy", ("Name", profile.FirstName), ("Proxy", proxy ?? ""));
        }

        return fields;
    }
}
