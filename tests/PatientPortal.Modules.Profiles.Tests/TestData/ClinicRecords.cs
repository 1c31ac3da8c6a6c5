namespace PatientPortal.Modules.Profiles.Tests.TestData;

internal static class ClinicRecords
{
    /// <summary>
    /// A record the clinic keeps with no account attached (staff pages will create these; until then the test writes it).
    /// </summary>
    public static Task<Profile> AddAsync(
        this ProfilesHarness profiles, string? clinicPatientId = "C-1042", string card = Registrations.HeatherCard, DateOnly? dateOfBirth = null) =>
        profiles.SaveNewAsync(Profile.Create("Heather", "Milner", dateOfBirth ?? Registrations.HeatherBirthDate, card, contactEmail: null, "en-CA",
            [new ProfilePhone("438 555-0199", "Home")], clinicPatientId, profiles.Clock.GetUtcNow().AddYears(-3)));

    /// <summary>A child's record at the clinic, with no account of its own; returns its id.</summary>
    public static async Task<Guid> ChildAsync(this ProfilesHarness profiles, string firstName, DateOnly dateOfBirth, string lastName = "Milner") =>
        (await profiles.SaveNewAsync(Profile.Create(firstName, lastName, dateOfBirth, healthInsuranceNumber: null, contactEmail: null, "fr-CA", [],
            clinicPatientId: null, profiles.Clock.GetUtcNow()))).Id;

    /// <summary>Staff attach a profile to an account as a proxy (the staff slice will do this), active, or revoked at once.</summary>
    public static Task LinkAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId, Relationship relationship, ProfileTabs tabs, RevocationReason? revoke = null) =>
        profiles.GrantAsync(accountId, profileId, relationship, tabs, revoke: revoke);
}
