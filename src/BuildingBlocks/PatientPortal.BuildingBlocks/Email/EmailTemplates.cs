using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace PatientPortal.BuildingBlocks.Email;

public sealed record RenderedEmail(string Culture, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Renders a module's email templates in the recipient's language. A template is an embedded resource
/// <c>Emails/{Name}.{fr|en}.txt</c>: a "Subject: …" line, a blank line, then the body, where <c>{Key}</c> is a value
/// and <c>[Label](url)</c> is a link (a button in HTML). Templates are scanned once, so a value can never add a link
/// or a placeholder; in the HTML part every value is encoded.
/// </summary>
public static partial class EmailTemplates
{
    public static RenderedEmail Render(Assembly module, string name, CultureInfo culture, IReadOnlyDictionary<string, string> values)
    {
        var language = culture.TwoLetterISOLanguageName == "fr" ? "fr" : "en";
        var raw = Load(module, name, language).ReplaceLineEndings("\n");
        var newline = raw.IndexOf('\n', StringComparison.Ordinal);
        var subjectLine = newline < 0 ? raw : raw[..newline];
        if (!subjectLine.StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Email template {name}.{language} must start with 'Subject:'.");
        }

        var body = newline < 0 ? "" : raw[(newline + 1)..].Trim('\n');
        var subject = MailHeaders.SingleLine(Expand(subjectLine["Subject:".Length..].Trim(), values, Plain));
        var text = Expand(body, values, Plain);

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;color:#1f2a37;max-width:600px;margin:auto\">");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(Expand(paragraph, values, Html).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return new RenderedEmail(culture.Name, subject, text, html.Append("</body></html>").ToString());
    }

    private sealed record Format(Func<string, string> Literal, Func<string, string, string> Link);

    private static readonly Format Plain = new(s => s, (label, url) => $"{label}: {url}");

    private static readonly Format Html = new(
        WebUtility.HtmlEncode,
        (label, url) => $"<a href=\"{WebUtility.HtmlEncode(url)}\" style=\"display:inline-block;padding:10px 18px;background:#1565c0;color:#fff;text-decoration:none;border-radius:4px\">{WebUtility.HtmlEncode(label)}</a>");

    private static string Expand(string template, IReadOnlyDictionary<string, string> values, Format format)
    {
        var output = new StringBuilder();
        var last = 0;
        foreach (Match token in TokenPattern().Matches(template))
        {
            output.Append(format.Literal(template[last..token.Index]));
            output.Append(token.Groups["key"].Success
                ? format.Literal(Value(values, token.Groups["key"].Value))
                : format.Link(Fill(token.Groups["label"].Value, values), Fill(token.Groups["url"].Value, values)));
            last = token.Index + token.Length;
        }

        return output.Append(format.Literal(template[last..])).ToString();
    }

    private static string Fill(string part, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(part, m => Value(values, m.Groups["key"].Value));

    private static string Value(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"Email template value '{key}' is missing.");

    private static string Load(Assembly module, string name, string language)
    {
        var suffix = $".Emails.{name}.{language}.txt";
        var resource = module.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No email template {name}.{language} in {module.GetName().Name}.");
        using var stream = module.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\[(?<label>[^\]\n]+)\]\((?<url>[^)\s]+)\)|\{(?<key>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\{(?<key>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();
}
