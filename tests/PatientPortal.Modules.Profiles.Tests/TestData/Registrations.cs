using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>AccountRegistered events as Accounts publishes them (card numbers normalized, phone types by name).</summary>
internal static class Registrations
{
    public static readonly DateOnly HeatherBirthDate = new(1989, 4, 27);
    public const string HeatherCard = "MILH89542712";

    /// <summary>Heather's son Nathan (the guide's example child): every test's child card and birth date.</summary>
    public const string NathanCard = "MILN17021812";
    public static readonly DateOnly NathanBirthDate = new(2017, 2, 18);

    /// <summary>A patient who registered on the portal by themselves.</summary>
    public static AccountRegistered SelfRegistered(
        string firstName = "Heather", string lastName = "Milner", DateOnly? dateOfBirth = null, string? card = HeatherCard, Guid? accountId = null) =>
        new(accountId ?? Guid.CreateVersion7(), $"{Guid.NewGuid():N}@example.com", firstName, lastName, dateOfBirth ?? HeatherBirthDate, card,
            "514 555-0101", "Mobile", null, null, "en-CA", ClinicPatientId: null);

    /// <summary>A patient who accepted the clinic's invitation for the chart <paramref name="clinicPatientId"/>.</summary>
    public static AccountRegistered Invited(string clinicPatientId, string? card = HeatherCard, Guid? accountId = null) =>
        new(accountId ?? Guid.CreateVersion7(), $"{Guid.NewGuid():N}@example.com", "Heather", "Milner", HeatherBirthDate, card,
            null, null, null, null, "fr-CA", clinicPatientId);
}
