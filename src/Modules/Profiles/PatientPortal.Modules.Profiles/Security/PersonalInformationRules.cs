using System.Text.RegularExpressions;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// The field rules of a patient record, each failing with its own message key: Account settings' personal information
/// and staff's whole record (<see cref="Domain.PatientDetailsRules"/>) check a field the same way.
/// </summary>
internal static partial class PersonalInformationRules
{
    // The Accounts form's types (Home, Mobile, Office), and Work, which clinic records also use.
    public static readonly string[] PhoneTypes = ["Home", "Mobile", "Office", "Work"];

    public static IRuleBuilderOptions<T, string> MustBeAName<T>(this IRuleBuilder<T, string> rule, string requiredKey) =>
        rule.Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode(requiredKey)
            .MaximumLength(100).WithErrorCode(ProfilesErrors.FieldTooLong);

    public static IRuleBuilderOptions<T, string?> MustBeShorterThan<T>(this IRuleBuilder<T, string?> rule, int length) =>
        rule.Must(v => v is null || v.Trim().Length <= length).WithErrorCode(ProfilesErrors.FieldTooLong);

    /// <summary>Ten digits, or eleven starting with 1; spaces, dashes, dots and brackets allowed.</summary>
    public static bool IsPhone(string number)
    {
        if (number.Length > 30 || number.Any(c => !char.IsDigit(c) && " -.()+".IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return false;
        }

        var digits = string.Concat(number.Where(char.IsDigit));
        return digits.Length == 10 || (digits.Length == 11 && digits[0] == '1');
    }

    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        // The same parser (MimeKit's) the mail sender uses: what passes here can be written to.
        return value.Trim().Length <= 320 && MailHeaders.TryAddress(value, out var address) && address.Contains('.', StringComparison.Ordinal);
    }

    public static bool IsLanguage(string language) => language is "fr-CA" or "en-CA";

    public static bool IsPostalCode(string? value) => string.IsNullOrWhiteSpace(value) || PostalCodePattern().IsMatch(value.Trim());

    /// <summary>A Quebec health insurance number: 4 letters and 8 digits (spaces allowed).</summary>
    public static bool IsHealthInsuranceNumber(string? value) => string.IsNullOrWhiteSpace(value) || HealthInsuranceNumberPattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^[A-Za-z]{4}\s?\d{4}\s?\d{4}$")]
    private static partial Regex HealthInsuranceNumberPattern();
}
