namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>A list's one-line preview of a text: its start, line breaks as spaces, cut at a whole character.</summary>
internal static class PreviewText
{
    public const int MaxLength = 120;

    public static string Of(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return PlainText.Truncate(line, MaxLength);
    }
}
