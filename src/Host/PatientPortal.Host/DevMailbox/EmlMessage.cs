using System.Text.RegularExpressions;
using MimeKit;

namespace PatientPortal.Host.DevMailbox;

/// <summary>One mail from the Development pickup folder, read back with MimeKit for the dev mailbox.</summary>
public sealed partial record EmlMessage(string Id, string To, string Subject, DateTimeOffset Date, string TextBody, IReadOnlyList<string> Links)
{
    public static EmlMessage Read(string path)
    {
        using var message = MimeMessage.Load(path);
        var text = message.TextBody ?? "";
        var links = LinkPattern().Matches(text).Select(m => m.Value).Distinct().ToList();
        var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        return new EmlMessage(Path.GetFileNameWithoutExtension(path), to, message.Subject ?? "", message.Date, text, links);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
