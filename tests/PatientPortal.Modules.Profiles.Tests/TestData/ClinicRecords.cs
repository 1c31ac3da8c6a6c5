namespace PatientPortal.Modules.Profiles.Tests.TestData;

internal static class ClinicRecords
{
    /// <summary>
    /// A record the clinic keeps with no account attached (staff pages will create these; until then the test writes it).
    /// </summary>
    public static Task<Profile> AddAsync(
        this ProfilesHarness profiles, string? clinicPatientId = "C-1042", string card = Registrations.HeatherCard, DateOnly? dateOfBirth = null) =>
        profiles.QueryAsync(async db =>
        {
            var record = Profile.Create("Heather", "Milner", dateOfBirth ?? Registrations.HeatherBirthDate, card, contactEmail: null, "en-CA",
                [new ProfilePhone("438 555-0199", "Home")], clinicPatientId, profiles.Clock.GetUtcNow().AddYears(-3));
            db.Profiles.Add(record);
            await db.SaveChangesAsync();
            return record;
        });

    /// <summary>A child's record at the clinic, with no account of its own; returns its id.</summary>
    public static Task<Guid> ChildAsync(this ProfilesHarness profiles, string firstName, DateOnly dateOfBirth, string lastName = "Milner") =>
        profiles.QueryAsync(async db =>
        {
            var child = Profile.Create(firstName, lastName, dateOfBirth, healthInsuranceNumber: null, contactEmail: null, "fr-CA", [], clinicPatientId: null, profiles.Clock.GetUtcNow());
            db.Profiles.Add(child);
            await db.SaveChangesAsync();
            return child.Id;
        });

    /// <summary>Staff attach a profile to an account as a proxy (the staff slice will do this), active, or revoked at once.</summary>
    public static Task LinkAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId, Relationship relationship, ProfileTabs tabs, RevocationReason? revoke = null) =>
        profiles.QueryAsync(async db =>
        {
            var now = profiles.Clock.GetUtcNow();
            var staff = Guid.CreateVersion7();
            var (access, change) = ProfileAccess.GrantProxy(accountId, profileId, relationship, tabs, AccessState.Active, staff, consentGivenBy: null, ConsentBasis.StaffDecision, now);
            db.Accesses.Add(access);
            db.AccessChanges.Add(change);
            if (revoke is { } reason)
            {
                db.AccessChanges.Add(access.Revoke(reason, changedBy: null, ConsentBasis.System, now));
            }

            await db.SaveChangesAsync();
            return 0;
        });
}
