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
}
