using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PatientPortal.Host.DevMailbox;

/// <summary>
/// One mail from the Development pickup folder, read back for the dev mailbox. It understands what our own
/// sender writes (headers, RFC 2047 encoded words, multipart/alternative, base64 or quoted-printable parts);
/// it is not a general MIME parser.
/// </summary>
public sealed partial record EmlMessage(string Id, string To, string Subject, DateTimeOffset Date, string TextBody, IReadOnlyList<string> Links)
{
    public static EmlMessage Read(string path)
    {
        var raw = File.ReadAllText(path);
        var (headers, body) = Split(raw);
        var text = TextPart(headers, body);
        var date = DateTimeOffset.TryParse(Header(headers, "Date").Replace(" (UTC)", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        var links = LinkPattern().Matches(text).Select(m => m.Value).Distinct().ToList();
        return new EmlMessage(Path.GetFileNameWithoutExtension(path), Decode(Header(headers, "To")), Decode(Header(headers, "Subject")), date, text, links);
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string part)
    {
        part = part.ReplaceLineEndings("\n");
        var end = part.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? part : part[..end];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, end < 0 ? "" : part[(end + 2)..]);
    }

    private static string TextPart(Dictionary<string, string> headers, string body)
    {
        var type = Header(headers, "Content-Type");
        var boundary = BoundaryPattern().Match(type);
        if (!boundary.Success)
        {
            return DecodeBody(Header(headers, "Content-Transfer-Encoding"), body);
        }

        var parts = body.Split("--" + boundary.Groups[1].Value).Select(p => p.TrimStart('\n')).Where(p => p.Length > 0 && !p.StartsWith("--", StringComparison.Ordinal)).Select(Split).ToList();
        var chosen = parts.FirstOrDefault(p => Header(p.Headers, "Content-Type").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));
        if (chosen.Headers is null)
        {
            chosen = parts.FirstOrDefault();
        }

        return chosen.Headers is null ? "" : TextPart(chosen.Headers, chosen.Body);
    }

    private static string DecodeBody(string encoding, string body) => encoding.ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => QuotedPrintable(body.Replace("=\n", "", StringComparison.Ordinal)),
        _ => body,
    };

    private static string QuotedPrintable(string value)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '=' && i + 2 < value.Length && byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
    private static string Decode(string header) => EncodedWordPattern().Replace(header.Replace("?= =?", "?==?", StringComparison.Ordinal), m =>
    {
        var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
        var text = m.Groups["text"].Value;
        return m.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? encoding.GetString(Convert.FromBase64String(text))
            : QuotedPrintable(text.Replace('_', ' '));
    });

    private static string Header(Dictionary<string, string> headers, string name) => headers.TryGetValue(name, out var value) ? value : "";

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
