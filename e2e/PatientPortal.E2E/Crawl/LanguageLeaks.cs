using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PatientPortal.E2E.Crawl;

/// <summary>
/// Finds English on a French page and French on an English page (issue 11, bilingual parity; ADR 0021).
/// <para>
/// The words of each language are the portal's own: every resource value of every .resx pair in the repository. On a
/// French page, an English value that differs from its French value and is not also found in some French value (and is
/// long enough to mean something) must not appear; the same the other way. A few common words of the other language
/// catch a sentence written straight into a page instead of the resources.
/// </para>
/// <para>
/// Skipped, because they are not the portal's words: text inside an element marked <c>translate="no"</c> (the HTML
/// attribute for proper names and user data: a patient's message, a clinic's communication, a practitioner's name)
/// and text inside an element whose <c>lang</c> is the other language (the language toggle says "English" in English).
/// </para>
/// </summary>
internal static partial class LanguageLeaks
{
    private static readonly Lazy<(IReadOnlyList<string> English, IReadOnlyList<string> French)> Words = new(Load);

    // Common words of the other language: a page in French with "your" or "the" shows hard-coded English, and the reverse.
    private static readonly string[] EnglishWords = ["the", "your", "you", "with", "and", "this", "please", "from", "have", "will", "are", "not"];
    private static readonly string[] FrenchWords = ["vous", "votre", "vos", "avec", "pour", "les", "des", "une", "est", "sont", "dans", "du"];

    /// <summary>The English fragments a French page must not show (<paramref name="pageLanguage"/> "fr"), or the reverse.</summary>
    public static IReadOnlyList<string> Forbidden(string pageLanguage) => pageLanguage == "fr" ? Words.Value.English : Words.Value.French;

    /// <summary>Every leak in the page's visible text and labelling attributes, each with where it was found.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page)
    {
        var language = (await page.EvaluateAsync<string>("() => document.documentElement.lang || ''")).StartsWith("fr", StringComparison.Ordinal) ? "fr" : "en";
        var segments = await page.EvaluateAsync<string[]>(CollectScript);
        return Find(language, segments);
    }

    public static IReadOnlyList<string> Find(string pageLanguage, IEnumerable<string> segments)
    {
        var forbidden = Forbidden(pageLanguage);
        var common = pageLanguage == "fr" ? EnglishWords : FrenchWords;
        var leaks = new List<string>();
        foreach (var segment in segments.Select(s => Whitespace().Replace(s, " ").Trim()).Where(s => s.Length > 0).Distinct())
        {
            var hits = forbidden.Where(f => Contains(segment, f)).ToList();
            var word = common.FirstOrDefault(w => Contains(segment, w));
            if (hits.Count > 0)
            {
                leaks.Add($"“{Short(segment)}” shows “{hits.MaxBy(h => h.Length)}”");
            }
            else if (word is not null)
            {
                leaks.Add($"“{Short(segment)}” has the word “{word}”");
            }
        }

        return leaks;
    }

    // Whole words only: "Save" is not found in "Saved", nor "the" in "Heather".
    private static bool Contains(string text, string fragment)
    {
        for (var at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + fragment.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static string Short(string text) => text.Length <= 120 ? text : text[..117] + "…";

    private static (IReadOnlyList<string>, IReadOnlyList<string>) Load()
    {
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        var french = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")))
        {
            var target = Path.GetFileNameWithoutExtension(file).EndsWith(".fr", StringComparison.Ordinal) ? french : english;
            var prefix = Path.GetFileNameWithoutExtension(file).Split('.')[0] + ":";
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                target[prefix + (string)data.Attribute("name")!] = (string?)data.Element("value") ?? "";
            }
        }

        return (Fragments(english, french), Fragments(french, english));
    }

    // The meaningful pieces of one language's values: split at {0}-style placeholders, at least 4 characters with a
    // letter, different from the other language's value of the same key, and found in none of the other language's values.
    private static List<string> Fragments(Dictionary<string, string> language, Dictionary<string, string> other)
    {
        var otherText = string.Join("\n", other.Values);
        return language
            .Where(kv => other.GetValueOrDefault(kv.Key) != kv.Value)
            .SelectMany(kv => Placeholder().Split(kv.Value))
            .Select(f => f.Trim(' ', ':', '(', ')', '.', ',', '«', '»', '“', '”', '"', '\'', '‹', '›', '·', '—', '-', '/'))
            .Where(f => f.Length >= 4 && f.Any(char.IsLetter) && !otherText.Contains(f, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PatientPortal.sln not found: the crawl reads the resources from the repository.");
    }

    // The page's words as a person or a screen reader meets them: visible text nodes (screen-reader-only text included),
    // the title, and the labelling attributes; not inside translate="no" nor inside an element in the other language.
    private const string CollectScript = """
        () => {
            const pageLang = (document.documentElement.lang || '').slice(0, 2);
            const skipped = el => !el || el.closest('script, style, noscript, template, [translate="no"]') !== null
                || ((el.closest('[lang]')?.getAttribute('lang') || pageLang).slice(0, 2) !== pageLang);
            const shown = el => el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null;
            // The title without the user data it repeats (a communication's subject is the thread's title).
            let title = document.title;
            for (const el of document.querySelectorAll('[translate="no"]')) {
                const text = el.textContent.trim();
                if (text) title = title.split(text).join(' ');
            }
            const out = [title];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (node.textContent.trim() && !skipped(el) && shown(el)) out.push(node.textContent);
            }
            for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], input[type=submit][value], input[type=button][value]')) {
                if (skipped(el)) continue;
                for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
                    if (el.hasAttribute(name)) out.push(el.getAttribute(name));
                }
                if (el.matches('input[type=submit], input[type=button]')) out.push(el.value);
            }
            return out;
        }
        """;

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
