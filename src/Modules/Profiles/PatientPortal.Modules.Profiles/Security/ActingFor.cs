namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// The signed-in account's link to one profile and that profile, as a patient-facing slice needs them, with the answer
/// to "may it act for this profile now?" (the link's state at this instant, age of consent included). The row is
/// looked up by account AND profile: another family's id finds nothing.
/// </summary>
internal sealed record ActingFor(ProfileAccess? Access, Profile? Profile, bool AllowedNow)
{
    /// <summary>In what capacity the account reads the profile (no link at all: it tried to act for someone else).</summary>
    public ReaderRole Role => Access?.Relationship == Relationship.Self ? ReaderRole.Self : ReaderRole.Proxy;

    /// <summary>The tabs the link opens now: the person's own profile opens every tab.</summary>
    public ProfileTabs Tabs => Access is null ? ProfileTabs.None : Access.Relationship == Relationship.Self ? ProfileTabs.All : Access.Permissions;

    /// <summary>
    /// Finds the link. <paramref name="tracked"/>: the caller changes the profile. A link gives access to the PROFILE
    /// tab (Account settings) whatever its tabs, while it is active now.
    /// </summary>
    public static async Task<ActingFor> FindAsync(
        ProfilesDbContext db, Guid accountId, Guid profileId, ClinicCalendar calendar, bool tracked, CancellationToken cancellationToken)
    {
        var accesses = tracked ? db.Accesses : db.Accesses.AsNoTracking();
        var profiles = tracked ? db.Profiles : db.Profiles.AsNoTracking();
        var row = await accesses
            .Where(a => a.AccountId == accountId && a.ProfileId == profileId)
            .Join(profiles, a => a.ProfileId, p => p.Id, (a, p) => new { Access = a, Profile = p })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? new ActingFor(null, null, false)
            : new ActingFor(row.Access, row.Profile, row.Access.AllowsNow(ProfileTabs.None, calendar.HasReachedAgeOfConsent(row.Profile.DateOfBirth)));
    }

    /// <summary>
    /// Whether the account reads and changes the profile's personal information (phones, address, language, notification
    /// choices; Account settings and the download), evaluated now (review finding #2): the person's own account, or a
    /// parent or guardian of a person under the age of consent (they manage the child's file). Any other active link — a
    /// caregiver, or a proxy of a person who has reached the age of consent, even one the person approved — sees the
    /// name and birth date only: the person (or the parent, or the clinic) manages the rest. The one rule, for every slice.
    /// </summary>
    public bool ManagesPersonalInformation(ClinicCalendar calendar) =>
        AllowedNow && (Access!.Relationship == Relationship.Self
            || (Access.Relationship is Relationship.Parent or Relationship.Guardian && !calendar.HasReachedAgeOfConsent(Profile!.DateOfBirth)));

    /// <summary>Adds a refusal to the trail (an active link that may not do THIS: the same answer as no link); the handler saves it.</summary>
    public void RecordRefusal(ProfilesDbContext db, Guid accountId, Guid profileId, string what, DateTimeOffset now) =>
        db.ProfileReads.Add(ProfileRead.Of(accountId, profileId, Role, what, allowed: false, now));

    /// <summary>Adds the read (or the refusal) to the trail (security.md F29); the handler saves it.</summary>
    public void RecordRead(ProfilesDbContext db, Guid accountId, Guid profileId, string what, DateTimeOffset now) =>
        db.ProfileReads.Add(ProfileRead.Of(accountId, profileId, Role, what, AllowedNow, now));
}
