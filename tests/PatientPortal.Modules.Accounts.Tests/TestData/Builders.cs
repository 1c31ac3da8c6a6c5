namespace PatientPortal.Modules.Accounts.Tests.TestData;

internal static class Builders
{
    public const string Password = "Vert-Lac-2026!x";

    public static string Email() => $"patient-{Guid.NewGuid():N}@example.com";

    public static RegisterAccount Registration(string email, string password = Password, DateOnly? birth = null, string language = "fr") => new(
        email, email, password, password, "Héloïse", "Tremblay", birth ?? new DateOnly(1989, 4, 27), "TREH 8904 2712",
        "514 555-0101", PhoneType.Mobile, null, null, language);
}
