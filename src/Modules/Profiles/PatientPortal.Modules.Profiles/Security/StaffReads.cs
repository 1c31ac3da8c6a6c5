namespace PatientPortal.Modules.Profiles.Security;

/// <summary>The access trail (security.md F29) of staff lists: every profile a list shows to a staff member is a read.</summary>
internal static class StaffReads
{
    /// <summary>Adds one <see cref="ProfileRead"/> per profile shown (the caller saves).</summary>
    public static void Record(ProfilesDbContext db, ICurrentAccount current, IEnumerable<Guid> profileIds, string what, DateTimeOffset now)
    {
        var staff = StaffReader.Of(current);
        db.ProfileReads.AddRange(profileIds.Distinct().Select(id => ProfileRead.Of(current.AccountId!.Value, id, ReaderRole.Staff, what, allowed: true, now, staff: staff)));
    }
}
