using System.Text.RegularExpressions;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>Field rules shared by the account forms, each failing with its own message key.</summary>
internal static partial class AccountRules
{
    public static IRuleBuilderOptions<T, string> MustBeAnEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode(AccountErrors.EmailRequired)
            .MaximumLength(320).WithErrorCode(AccountErrors.EmailInvalid)
            .Must(IsEmail).WithErrorCode(AccountErrors.EmailInvalid);

    public static IRuleBuilderOptions<T, string?> MustBeAPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => p is null || Digits(p).Length is 10 or 11 && (Digits(p).Length == 10 || Digits(p)[0] == '1'))
            .WithErrorCode(AccountErrors.PhoneInvalid);

    /// <summary>A Quebec health insurance number: 4 letters and 8 digits (spaces allowed).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAHealthInsuranceNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => string.IsNullOrWhiteSpace(n) || HealthInsuranceNumberPattern().IsMatch(n.Trim()))
            .WithErrorCode(AccountErrors.HealthInsuranceNumberInvalid);

    public static IRuleBuilderOptions<T, string> MustBeALanguage<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(l => l is "fr" or "en" or "fr-CA" or "en-CA").WithErrorCode(AccountErrors.LanguageInvalid);

    public static string Culture(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-CA" : "fr-CA";

    public static string NormalizeHealthInsuranceNumber(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : string.Concat(value.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    public static bool IsEmail(string? value) => EmailAddress.Canonical(value) is not null;

    private static string Digits(string value) => Secrets.DigitsOnly(value);

    [GeneratedRegex(@"^[A-Za-z]{4}\s?\d{4}\s?\d{4}$")]
    private static partial Regex HealthInsuranceNumberPattern();
}
