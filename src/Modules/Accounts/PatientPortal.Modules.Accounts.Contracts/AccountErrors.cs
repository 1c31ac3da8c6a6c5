namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// The message keys of the Accounts module's expected failures (Error.Key). The host localizes them
/// (Resources/SharedResource*.resx) and compares a result's errors against these constants, never against strings.
/// </summary>
public static class AccountErrors
{
    public const string ActivationLinkInvalid = "Accounts.ActivationLinkInvalid";
    public const string ActivationPasswordWrong = "Accounts.ActivationPasswordWrong";
    public const string CannotResetOwnAuthenticator = "Accounts.CannotResetOwnAuthenticator";
    public const string DateOfBirthInvalid = "Accounts.DateOfBirthInvalid";
    public const string EmailChangeLinkInvalid = "Accounts.EmailChangeLinkInvalid";
    public const string EmailInvalid = "Accounts.EmailInvalid";
    public const string EmailRequired = "Accounts.EmailRequired";
    public const string EmailTaken = "Accounts.EmailTaken";
    public const string EmailUnchanged = "Accounts.EmailUnchanged";
    public const string EmailsDoNotMatch = "Accounts.EmailsDoNotMatch";
    public const string HealthInsuranceNumberInvalid = "Accounts.HealthInsuranceNumberInvalid";
    public const string InvalidCredentials = "Accounts.InvalidCredentials";
    public const string InvitationDetailsWrong = "Accounts.InvitationDetailsWrong";
    public const string InvitationExpired = "Accounts.InvitationExpired";
    public const string InvitationInvalid = "Accounts.InvitationInvalid";
    public const string InvitationLocked = "Accounts.InvitationLocked";
    public const string InvitationUsed = "Accounts.InvitationUsed";
    public const string InviteeUnderAgeOfConsent = "Accounts.InviteeUnderAgeOfConsent";
    public const string LanguageInvalid = "Accounts.LanguageInvalid";
    public const string NotActivated = "Accounts.NotActivated";
    public const string OldPasswordWrong = "Accounts.OldPasswordWrong";
    public const string PasswordNeedsDigit = "Accounts.PasswordNeedsDigit";
    public const string PasswordNeedsLowercase = "Accounts.PasswordNeedsLowercase";
    public const string PasswordNeedsSpecial = "Accounts.PasswordNeedsSpecial";
    public const string PasswordNeedsUppercase = "Accounts.PasswordNeedsUppercase";
    public const string PasswordTooCommon = "Accounts.PasswordTooCommon";
    public const string PasswordTooLong = "Accounts.PasswordTooLong";
    public const string PasswordTooShort = "Accounts.PasswordTooShort";
    public const string PasswordWrong = "Accounts.PasswordWrong";
    public const string PasswordsDoNotMatch = "Accounts.PasswordsDoNotMatch";
    public const string PatientAccountNotFound = "Accounts.PatientAccountNotFound";
    public const string PhoneInvalid = "Accounts.PhoneInvalid";
    public const string PinInvalid = "Accounts.PinInvalid";
    public const string PinRequired = "Accounts.PinRequired";
    public const string PrivacyPolicyRequired = "Accounts.PrivacyPolicyRequired";
    public const string ResetDetailsWrong = "Accounts.ResetDetailsWrong";
    public const string ResetLinkInvalid = "Accounts.ResetLinkInvalid";
    public const string RoleInvalid = "Accounts.RoleInvalid";
    public const string SecondFactorCodeWrong = "Accounts.SecondFactorCodeWrong";
    public const string SecondFactorExpired = "Accounts.SecondFactorExpired";
    public const string SecondFactorRequiredForStaff = "Accounts.SecondFactorRequiredForStaff";
    public const string SecondFactorAlreadyOn = "Accounts.SecondFactorAlreadyOn";
    public const string SecondFactorOff = "Accounts.SecondFactorOff";
    public const string SessionExpired = "Accounts.SessionExpired";
    public const string TermsChanged = "Accounts.TermsChanged";
    public const string TooManyAttempts = "Accounts.TooManyAttempts";
    public const string TooManyEmailCodes = "Accounts.TooManyEmailCodes";
    public const string UnderAgeOfConsent = "Accounts.UnderAgeOfConsent";
    public const string WrongCode = "Accounts.WrongCode";
}
