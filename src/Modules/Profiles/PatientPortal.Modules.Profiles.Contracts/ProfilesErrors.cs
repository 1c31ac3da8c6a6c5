namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>The message keys of the module's expected failures (the host localizes them).</summary>
public static class ProfilesErrors
{
    // issue 8: staff (admin pages)
    public const string FirstNameRequired = "Profiles.FirstNameRequired";
    public const string LastNameRequired = "Profiles.LastNameRequired";
    public const string NameTooLong = "Profiles.NameTooLong";
    public const string DateOfBirthInvalid = "Profiles.DateOfBirthInvalid";
    public const string HealthInsuranceNumberInvalid = "Profiles.HealthInsuranceNumberInvalid";
    public const string HealthInsuranceExpiryInvalid = "Profiles.HealthInsuranceExpiryInvalid";
    public const string ClinicPatientIdInvalid = "Profiles.ClinicPatientIdInvalid";
    public const string ClinicPatientIdTaken = "Profiles.ClinicPatientIdTaken";
    public const string PhoneInvalid = "Profiles.PhoneInvalid";
    public const string PhoneTypeInvalid = "Profiles.PhoneTypeInvalid";
    public const string AddressTooLong = "Profiles.AddressTooLong";
    public const string PostalCodeInvalid = "Profiles.PostalCodeInvalid";
    public const string ContactEmailInvalid = "Profiles.ContactEmailInvalid";
    public const string GuardianEmailInvalid = "Profiles.GuardianEmailInvalid";
    public const string LanguageInvalid = "Profiles.LanguageInvalid";
    public const string SexInvalid = "Profiles.SexInvalid";
    public const string SearchInvalid = "Profiles.SearchInvalid";
    public const string AccountEmailRequired = "Profiles.AccountEmailRequired";
    public const string RelationshipInvalid = "Profiles.RelationshipInvalid";
    public const string TabsInvalid = "Profiles.TabsInvalid";
    public const string OwnProfile = "Profiles.OwnProfile";
    public const string AlreadyLinked = "Profiles.AlreadyLinked";
    public const string SelfLinkFixed = "Profiles.SelfLinkFixed";
    public const string LinkRevoked = "Profiles.LinkRevoked";
    public const string ChangedMeanwhile = "Profiles.ChangedMeanwhile";
    public const string AlreadyDecided = "Profiles.AlreadyDecided";
    public const string RecordHasOwner = "Profiles.RecordHasOwner";
    public const string AccountHasOtherLink = "Profiles.AccountHasOtherLink";
}
