using System.Globalization;

namespace PatientPortal.E2E;

/// <summary>
/// Someone the tests register or invite. Every patient has a fresh email address, because the tests share one portal
/// (and an address can hold only one account).
/// </summary>
internal sealed record Patient(string Email, string Password, string FirstName, string LastName, DateOnly DateOfBirth, string Language)
{
    /// <param name="language">"fr" or "en": the preferred language, which decides the account's emails.</param>
    public static Patient New(string language, string purpose = "patient") => new(
        Email: NewEmail(purpose),
        Password: "Vert-Lac-2026!x",
        FirstName: language == "fr" ? "Élodie" : "Olivia",
        LastName: language == "fr" ? "Côté-Tremblay" : "Macdonald",
        DateOfBirth: new DateOnly(1985, 4, 12),
        Language: language);

    public static string NewEmail(string purpose) => $"{purpose}.{Guid.NewGuid():N}@example.com";

    public string FullName => $"{FirstName} {LastName}";

    public string DateOfBirthIso => DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
