using System.Globalization;
using System.Text;

namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>Names as Connected Accounts compares them: case, accents, spaces, hyphens and apostrophes aside ("Lévesque" is "LEVESQUE", "Jean-Luc" is "jean luc").</summary>
internal static class PersonName
{
    public static string Comparable(string? name)
    {
        var decomposed = (name ?? "").Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(char.ToUpperInvariant(c));
            }
        }

        return kept.ToString();
    }

    public static bool Same(string? a, string? b) => string.Equals(Comparable(a), Comparable(b), StringComparison.Ordinal);
}
