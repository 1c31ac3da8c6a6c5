using System.Globalization;

namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>
/// The rules of the module's plain texts (subjects, bodies, replies): lengths counted as the user sees characters
/// (text elements: "é" written as e + accent, or an emoji made of several code points, counts one), and no control
/// characters but line breaks and tabs (security.md C19).
/// </summary>
internal static class PlainText
{
    /// <summary>As kept: line breaks as "\n" (a browser sends "\r\n"), no spaces around.</summary>
    public static string Normalize(string? text) => (text ?? "").ReplaceLineEndings("\n").Trim();

    public static int Length(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    public static bool HasControlCharacters(string? text) =>
        text is not null && text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>No line breaks or tabs either (a subject, a label: one line).</summary>
    public static bool IsOneLine(string? text) => text is null || !text.Any(char.IsControl);

    /// <summary>At most <paramref name="max"/> text elements, never cutting one in two.</summary>
    public static string Truncate(string text, int max)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max).TrimEnd() + "…";
    }
}
