using System.Globalization;

namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>
/// The rules of the module's plain texts (subjects, bodies, replies): lengths counted as the user sees characters
/// (text elements: "é" written as e + accent, or an emoji made of several code points, counts one), and no control
/// characters but line breaks and tabs, no bidirectional overrides, no character of absurd length (security.md C19).
/// </summary>
internal static class PlainText
{
    /// <summary>As kept: line breaks as "\n" (a browser sends "\r\n"), no spaces around.</summary>
    public static string Normalize(string? text) => (text ?? "").ReplaceLineEndings("\n").Trim();

    public static int Length(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    // The longest character a person writes (an emoji family with skin tones) is 19 UTF-16 units; more is a stack of
    // combining marks ("Zalgo"), which would let 500 "characters" weigh megabytes (review M1).
    private const int LongestCharacter = 32;

    /// <summary>
    /// Control characters but line breaks and tabs; the bidirectional overrides and isolates, which make a text read
    /// otherwise than it is written (U+202A-202E, U+2066-2069); and any character longer than
    /// <see cref="LongestCharacter"/> units, so that a length in characters also bounds the size.
    /// </summary>
    public static bool HasForbiddenCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Any(c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))
        {
            return true;
        }

        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            if (elements.GetTextElement().Length > LongestCharacter)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One line (no line breaks or tabs either: a subject, a label), and nothing <see cref="HasForbiddenCharacters"/> refuses.</summary>
    public static bool IsOneLine(string? text) => text is null || (!text.Any(char.IsControl) && !HasForbiddenCharacters(text));

    /// <summary>At most <paramref name="max"/> text elements, never cutting one in two.</summary>
    public static string Truncate(string text, int max)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max).TrimEnd() + "…";
    }
}
