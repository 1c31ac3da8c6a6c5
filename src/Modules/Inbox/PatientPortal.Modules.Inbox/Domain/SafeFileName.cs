namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>
/// The name an attachment is shown and downloaded under, made from the upload's name: its last segment only (after
/// any '/' or '\'), letters, digits, spaces, '-', '_' and '.' kept, anything else a '_', no leading dot, at most
/// <see cref="MaxLength"/> characters, always ending in ".pdf". It is a label, never a path: the stored file has a
/// server-made name (security.md C20).
/// </summary>
internal static class SafeFileName
{
    public const int MaxLength = 100;
    private const string Fallback = "document";

    public static string From(string? uploaded)
    {
        var name = uploaded ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        name = slash >= 0 ? name[(slash + 1)..] : name;
        if (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        var cleaned = new string([.. name.Normalize(System.Text.NormalizationForm.FormC)
            .Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '_')]).Trim().TrimStart('.').Trim();
        while (cleaned.Contains("..", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("..", ".", StringComparison.Ordinal);
        }

        if (cleaned.Length > MaxLength - 4)
        {
            cleaned = cleaned[..(MaxLength - 4)].TrimEnd();
        }

        return (cleaned.Trim('_', ' ', '.').Length == 0 ? Fallback : cleaned) + ".pdf";
    }
}
