namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>The message keys of the module's expected failures (the host localizes them).</summary>
public static class ProfilesErrors
{
    // --- Connected Accounts and consent (issue 8, point 4) ---

    /// <summary>The health insurance number has something other than letters and digits (the Quebec page: "without special characters").</summary>
    public const string CardLettersAndDigitsOnly = "Profiles.CardLettersAndDigitsOnly";

    /// <summary>A date of birth in the future.</summary>
    public const string DateOfBirthInFuture = "Profiles.DateOfBirthInFuture";

    /// <summary>Parent, guardian or caregiver only.</summary>
    public const string RelationshipInvalid = "Profiles.RelationshipInvalid";

    /// <summary>The account used its Connected Accounts attempts for the day ({0}: the limit).</summary>
    public const string TooManyConnectionAttempts = "Profiles.TooManyConnectionAttempts";

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
    // issue 8: staff (admin pages)
    public const string NameTooLong = "Profiles.NameTooLong";
    public const string DateOfBirthInvalid = "Profiles.DateOfBirthInvalid";
    public const string HealthInsuranceExpiryInvalid = "Profiles.HealthInsuranceExpiryInvalid";
    public const string ClinicPatientIdInvalid = "Profiles.ClinicPatientIdInvalid";
    public const string ClinicPatientIdTaken = "Profiles.ClinicPatientIdTaken";
    public const string AddressTooLong = "Profiles.AddressTooLong";
    public const string GuardianEmailInvalid = "Profiles.GuardianEmailInvalid";
    public const string SexInvalid = "Profiles.SexInvalid";
    public const string SearchInvalid = "Profiles.SearchInvalid";
    public const string AccountEmailRequired = "Profiles.AccountEmailRequired";
    public const string TabsInvalid = "Profiles.TabsInvalid";
    public const string OwnProfile = "Profiles.OwnProfile";
    public const string AlreadyLinked = "Profiles.AlreadyLinked";
    public const string SelfLinkFixed = "Profiles.SelfLinkFixed";
    public const string LinkRevoked = "Profiles.LinkRevoked";
    public const string ChangedMeanwhile = "Profiles.ChangedMeanwhile";
    public const string AlreadyDecided = "Profiles.AlreadyDecided";
    public const string RecordHasOwner = "Profiles.RecordHasOwner";
    public const string AccountHasOtherLink = "Profiles.AccountHasOtherLink";

    // issue 8: connections (attacker review #3 and #4)

    /// <summary>Staff confirmed a link suggestion without saying how they checked the account holder's identity.</summary>
    public const string IdentityCheckRequired = "Profiles.IdentityCheckRequired";

    /// <summary>"The sign-in email is the contact email on the record" was chosen, and it is not (or the record has none).</summary>
    public const string IdentityCheckEmailDiffers = "Profiles.IdentityCheckEmailDiffers";

    /// <summary>The email on file may be a parent's (a minor, a guardian email, parent links): check identity in person or by phone.</summary>
    public const string IdentityCheckEmailNotEnough = "Profiles.IdentityCheckEmailNotEnough";
    // issue 8: records (review findings #2, #5, #7)

    /// <summary>
    /// A patient typed a health insurance number another record holds: one neutral answer (it must not confirm that the
    /// clinic has a patient with this number); the refusal is on the read trail.
    /// </summary>
    public const string HealthInsuranceNumberNotAccepted = "Profiles.HealthInsuranceNumberNotAccepted";

    /// <summary>Staff: another record already has this health insurance number (staff may open it).</summary>
    public const string HealthInsuranceNumberTaken = "Profiles.HealthInsuranceNumberTaken";
}
