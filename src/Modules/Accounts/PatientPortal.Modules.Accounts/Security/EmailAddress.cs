using System.Globalization;
using System.Text;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// Email addresses as the portal stores, compares and writes to them. Unicode has many spellings of one address:
/// "ſteve" (long s) upper-cases to "STEVE", a full-width "ｓteve" looks like "steve". So an address is kept in one
/// canonical form (NFKC, domain through IDN), mail goes to that form, and the unique key is its upper case. A local
/// part that only a case fold makes equal to another ("ςteve" with a final sigma shares ΣTEVE with "σteve") is refused
/// outright: it would squat another person's key while its mail went to a different mailbox.
/// </summary>
internal static class EmailAddress
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The form we store and mail to, or null when the address is not one we accept.</summary>
    public static string? Canonical(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 320)
        {
            return null;
        }

        string local, domain;
        try
        {
            var text = value.Normalize(NormalizationForm.FormKC);
            var at = text.LastIndexOf('@');
            if (at <= 0 || at == text.Length - 1)
            {
                return null;
            }

            local = text[..at];
            domain = Idn.GetAscii(text[(at + 1)..]).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // A lone surrogate, or a domain IDN cannot map.
            return null;
        }

        // Checked after NFKC, which can lengthen an address or turn a character into a space. Invisible characters
        // (zero-width space, soft hyphen, joiners), a quoted local part or a trailing dot would each give one inbox a
        // second key.
        var address = local + "@" + domain;
        if (address.Length > 320 || address.Any(Invisible) || local.Any(SharesItsCaseWithAnother) || local.StartsWith('"')
            || !domain.Contains('.', StringComparison.Ordinal) || domain.EndsWith('.'))
        {
            return null;
        }

        return MailHeaders.TryAddress(address, out var parsed) && parsed == address ? address : null;
    }

    /// <summary>The unique key of an address; an address we would refuse is nobody's (the empty key matches no account).</summary>
    public static string Key(string? value) => Canonical(value)?.ToUpperInvariant() ?? "";

    /// <summary>Whether two typed addresses are the same address (the "confirm your email" fields).</summary>
    public static bool Same(string? first, string? second) => Key(first) == Key(second);

    private static bool Invisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    // A letter that upper-cases like another one: a final sigma ς like σ (Σ), a rounded Cyrillic ᲃ like с (С), or one
    // whose other case is ASCII (long s ſ → S, Kelvin sign → k; NFKC already maps those two).
    private static bool SharesItsCaseWithAnother(char c)
    {
        if (char.IsAscii(c))
        {
            return false;
        }

        var (upper, lower) = (char.ToUpperInvariant(c), char.ToLowerInvariant(c));
        return char.IsAscii(upper) || char.IsAscii(lower) || char.ToLowerInvariant(upper) != lower;
    }
}
