using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PatientPortal.Host.Tests.Localization;

/// <summary>
/// The bilingual parity rules (ADR 0021), on the source files themselves so that a new module's resources and email
/// templates are covered the day they are added: every resource key has a non-empty English AND French value with the
/// same placeholders, and every email template exists in both languages with the same values and links.
/// </summary>
internal static partial class BilingualParity
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PatientPortal.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Source files under <c>src/</c> (build output excluded).</summary>
    public static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    /// <summary>One .resx file's keys and values.</summary>
    public static IReadOnlyDictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>
    /// Groups the .resx files by resource (<c>X.resx</c> or <c>X.en.resx</c> is English, <c>X.fr.resx</c> French) and
    /// lists every problem: a missing language file, a key one language lacks, an empty value, different placeholders.
    /// </summary>
    public static IReadOnlyList<string> ResourceProblems(IEnumerable<string> resxFiles)
    {
        var problems = new List<string>();
        foreach (var resource in resxFiles.GroupBy(ResourceName))
        {
            var english = resource.Where(f => Culture(f) is "" or "en").Select(ReadResx).ToList();
            var french = resource.Where(f => Culture(f) == "fr").Select(ReadResx).ToList();
            if (english.Count == 0 || french.Count == 0)
            {
                problems.Add($"{resource.Key}: no {(english.Count == 0 ? "English" : "French")} file");
                continue;
            }

            problems.AddRange(Compare(resource.Key, Merge(english), Merge(french)));
        }

        return problems;
    }

    public static IEnumerable<string> Compare(string resource, IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> french)
    {
        foreach (var key in english.Keys.Union(french.Keys).Order(StringComparer.Ordinal))
        {
            var en = english.GetValueOrDefault(key);
            var fr = french.GetValueOrDefault(key);
            if (string.IsNullOrWhiteSpace(en))
            {
                yield return $"{resource}: '{key}' has no English value";
            }

            if (string.IsNullOrWhiteSpace(fr))
            {
                yield return $"{resource}: '{key}' has no French value";
            }

            if (!string.IsNullOrWhiteSpace(en) && !string.IsNullOrWhiteSpace(fr) && !Placeholders(en, FormatItem()).SetEquals(Placeholders(fr, FormatItem())))
            {
                yield return $"{resource}: '{key}' has placeholders {{{string.Join(",", Placeholders(en, FormatItem()))}}} in English and {{{string.Join(",", Placeholders(fr, FormatItem()))}}} in French";
            }
        }
    }

    /// <summary>
    /// Every <c>Emails/X.en.txt</c> has its <c>Emails/X.fr.txt</c> and the reverse; both start with "Subject:", use the
    /// same <c>{Values}</c> and the same number of links, each to the same URL.
    /// </summary>
    public static IReadOnlyList<string> EmailProblems(IEnumerable<string> templates)
    {
        var problems = new List<string>();
        foreach (var template in templates.GroupBy(t => Path.Combine(Path.GetDirectoryName(t)!, Path.GetFileName(t).Split('.')[0])))
        {
            var byLanguage = template.ToDictionary(t => Path.GetFileName(t).Split('.')[^2], File.ReadAllText);
            var name = Path.GetRelativePath(Path.Combine(RepositoryRoot(), "src"), template.Key);
            foreach (var language in byLanguage.Keys.Where(l => l is not ("en" or "fr")))
            {
                problems.Add($"{name}: unexpected language '{language}' (templates are .en.txt and .fr.txt)");
            }

            if (!byLanguage.TryGetValue("en", out var en) || !byLanguage.TryGetValue("fr", out var fr))
            {
                problems.Add($"{name}: no {(byLanguage.ContainsKey("en") ? "French" : "English")} template");
                continue;
            }

            problems.AddRange(CompareEmails(name, en, fr));
        }

        return problems;
    }

    public static IEnumerable<string> CompareEmails(string name, string english, string french)
    {
        foreach (var (language, text) in new[] { ("English", english), ("French", french) })
        {
            if (!text.StartsWith("Subject:", StringComparison.Ordinal) || text.ReplaceLineEndings("\n").Split('\n')[0].Trim().Length <= "Subject:".Length)
            {
                yield return $"{name}: the {language} template does not start with a 'Subject:' line";
            }

            if (text.ReplaceLineEndings("\n").Split('\n', 2) is not [_, { } body] || string.IsNullOrWhiteSpace(body))
            {
                yield return $"{name}: the {language} template has no body";
            }
        }

        var enValues = Placeholders(english, EmailValue());
        var frValues = Placeholders(french, EmailValue());
        if (!enValues.SetEquals(frValues))
        {
            yield return $"{name}: values {{{string.Join(",", enValues)}}} in English and {{{string.Join(",", frValues)}}} in French";
        }

        var enLinks = EmailLink().Matches(english).Select(m => m.Groups["url"].Value).Order(StringComparer.Ordinal).ToList();
        var frLinks = EmailLink().Matches(french).Select(m => m.Groups["url"].Value).Order(StringComparer.Ordinal).ToList();
        if (!enLinks.SequenceEqual(frLinks))
        {
            yield return $"{name}: links to [{string.Join(", ", enLinks)}] in English and [{string.Join(", ", frLinks)}] in French";
        }
    }

    private static Dictionary<string, string> Merge(IEnumerable<IReadOnlyDictionary<string, string>> files)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in files.SelectMany(f => f))
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string ResourceName(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path);
        var culture = Culture(path);
        return Path.Combine(Path.GetDirectoryName(path)!, culture.Length == 0 ? file : file[..^(culture.Length + 1)]);
    }

    private static string Culture(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path);
        var dot = file.LastIndexOf('.');
        var suffix = dot < 0 ? "" : file[(dot + 1)..];
        return suffix.Split('-')[0] is "en" or "fr" ? suffix.Split('-')[0] : "";
    }

    private static HashSet<string> Placeholders(string text, Regex pattern) =>
        pattern.Matches(text).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<key>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex FormatItem();

    [GeneratedRegex(@"\{(?<key>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex EmailValue();

    [GeneratedRegex(@"\[(?<label>[^\]\n]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex EmailLink();
}
