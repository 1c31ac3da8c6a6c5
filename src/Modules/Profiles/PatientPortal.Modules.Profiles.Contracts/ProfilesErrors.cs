namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>The message keys of the Profiles module's expected failures (the host has each in both languages).</summary>
public static class ProfilesErrors
{
    // issue 8: patient side (selected profile, account settings, export)

    /// <summary>
    /// The account may not act for this profile now: no link, another family's, pending, revoked, or ended at the age
    /// of consent. One answer for all of them, so a refusal tells nothing about someone else's record.
    /// </summary>
    public const string ProfileNotAvailable = "Profiles.ProfileNotAvailable";

    public const string FirstNameRequired = "Profiles.FirstNameRequired";
    public const string LastNameRequired = "Profiles.LastNameRequired";
    public const string ContactEmailInvalid = "Profiles.ContactEmailInvalid";
    public const string LanguageInvalid = "Profiles.LanguageInvalid";
    public const string PhoneTypeInvalid = "Profiles.PhoneTypeInvalid";
    public const string PhoneInvalid = "Profiles.PhoneInvalid";
    public const string PostalCodeInvalid = "Profiles.PostalCodeInvalid";
    public const string HealthInsuranceNumberInvalid = "Profiles.HealthInsuranceNumberInvalid";
    public const string FieldTooLong = "Profiles.FieldTooLong";
}
