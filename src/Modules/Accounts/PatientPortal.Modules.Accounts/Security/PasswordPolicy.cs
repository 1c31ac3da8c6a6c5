using System.Globalization;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// The clinic's password rule (the guide's default: 8+ characters with a lowercase, an uppercase, a number and a
/// special character), plus what the guide does not forbid: long passphrases up to 128 characters, never truncated,
/// and no well-known breached password, even dressed up ("P@ssw0rd1!" is "password").
/// </summary>
internal sealed class PasswordPolicy(IOptions<AccountsOptions> options)
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public IEnumerable<string> Problems(string? password)
    {
        var rules = options.Value.Password;
        password ??= "";
        var length = new StringInfo(password).LengthInTextElements;
        if (length < rules.MinimumLength) yield return AccountErrors.PasswordTooShort;
        if (length > rules.MaximumLength) yield return AccountErrors.PasswordTooLong;
        if (rules.RequireLowercase && !password.Any(char.IsLower)) yield return AccountErrors.PasswordNeedsLowercase;
        if (rules.RequireUppercase && !password.Any(char.IsUpper)) yield return AccountErrors.PasswordNeedsUppercase;
        if (rules.RequireDigit && !password.Any(char.IsDigit)) yield return AccountErrors.PasswordNeedsDigit;
        if (rules.RequireSpecialCharacter && password.All(char.IsLetterOrDigit)) yield return AccountErrors.PasswordNeedsSpecial;
        if (IsCommon(password)) yield return AccountErrors.PasswordTooCommon;
    }

    /// <summary>The values a problem's message shows: the clinic's configured length limits, not the default ones.</summary>
    public IReadOnlyList<string> MessageArguments(string problem) => problem switch
    {
        AccountErrors.PasswordTooShort => [options.Value.Password.MinimumLength.ToString(CultureInfo.InvariantCulture)],
        AccountErrors.PasswordTooLong => [options.Value.Password.MaximumLength.ToString(CultureInfo.InvariantCulture)],
        _ => [],
    };

    /// <summary>
    /// True for a listed password, or one that is a listed word padded with digits and symbols, or spelled with
    /// look-alike characters ("Summer2024!" is "summer", "P@ssw0rd1!" is "password").
    /// </summary>
    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = lower.AsSpan().Trim(lower.Where(c => !char.IsLetter(c)).Distinct().ToArray()).ToString();
        var unleet = string.Concat(core.Select(c => c switch { '@' or '4' => 'a', '0' => 'o', '1' or '!' => 'i', '3' => 'e', '$' or '5' => 's', '7' => 't', _ => c }));
        var list = CommonPasswords.Value;
        return list.Contains(lower) || (core.Length >= 4 && (list.Contains(core) || list.Contains(unleet)));
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(typeof(PasswordPolicy).Namespace + ".common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line);
            }
        }

        return set;
    }
}

internal static class PasswordRuleExtensions
{
    /// <summary>Adds the clinic's password rule to a validator: each broken part is its own localized message.</summary>
    public static void MustBeAStrongPassword<T>(this IRuleBuilder<T, string> rule, PasswordPolicy policy) =>
        rule.Custom((password, context) =>
        {
            foreach (var problem in policy.Problems(password))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, problem)
                {
                    ErrorCode = problem,
                    CustomState = policy.MessageArguments(problem),
                });
            }
        });
}
