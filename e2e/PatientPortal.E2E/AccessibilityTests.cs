using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using PatientPortal.E2E.Checks;
using PatientPortal.E2E.Crawl;
using Xunit.Abstractions;

namespace PatientPortal.E2E;

/// <summary>
/// Every page of the <see cref="SiteMap"/>, in French and in English, in one pass per language (ADR 0020): the right
/// &lt;html lang&gt;, the expected HTTP status, no browser console error or uncaught exception, no serious or critical
/// axe-core violation of WCAG 2.0/2.1/2.2 A and AA, and no error from the Nu HTML checker on the page's HTML. Each
/// failure names the page, the language, and the rule and element. E2E_CRAWL_PAGES=name,name checks some pages only;
/// E2E_CRAWL_SCREENSHOTS=1 also saves "crawl-&lt;name&gt;-&lt;fr|en&gt;.png" of each page.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class AccessibilityTests(PortalUnderTest portal, ITestOutputHelper output)
{
    /// <summary>axe-core's tags for WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private static readonly bool Screenshots = Environment.GetEnvironmentVariable("E2E_CRAWL_SCREENSHOTS") == "1";

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task Every_page_is_accessible_valid_html_and_quiet_in_the_browser(string locale)
    {
        var crawl = SiteCrawl.For(portal);
        var documents = new Dictionary<string, string>();
        var clock = Stopwatch.StartNew();
        var problems = new List<string>(await crawl.CheckEveryPageAsync(locale, async visit =>
        {
            var started = clock.Elapsed;
            output.WriteLine($"{visit.Site.Name}: opened at {started.TotalSeconds:F1} s");
            var found = new List<string>();
            found.AddRange(await LanguageProblemsAsync(visit));
            found.AddRange(StatusProblems(visit));
            found.AddRange(ConsoleProblems(visit));
            var axe = Stopwatch.StartNew();
            found.AddRange(await AxeProblemsAsync(visit.Page));
            var axeTime = axe.Elapsed;
            documents[$"{visit.Site.Name}-{locale[..2]}"] = await visit.Page.ContentAsync();
            if (Screenshots)
            {
                await Results.ScreenshotAsync(visit.Page, $"crawl-{visit.Site.Name}");
            }

            output.WriteLine($"{visit.Site.Name}: checked in {(clock.Elapsed - started).TotalMilliseconds:F0} ms (axe {axeTime.TotalMilliseconds:F0} ms)");
            return found;
        }));
        output.WriteLine($"{documents.Count} pages visited and checked with axe in {clock.Elapsed.TotalSeconds:F1} s");

        var html = Stopwatch.StartNew();
        problems.AddRange((await NuHtmlChecker.ErrorsAsync(documents)).Select(p => $"[{locale}] {p}"));
        output.WriteLine($"Nu HTML checker on {documents.Count} pages in {html.Elapsed.TotalSeconds:F1} s");

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    /// <summary>The document says the language it is in.</summary>
    internal static async Task<IEnumerable<string>> LanguageProblemsAsync(VisitedPage visit)
    {
        var lang = await visit.Page.Locator("html").GetAttributeAsync("lang");
        return lang == visit.Locale ? [] : [$"<html lang=\"{lang}\">, expected \"{visit.Locale}\""];
    }

    internal static IEnumerable<string> StatusProblems(VisitedPage visit) =>
        visit.Status == visit.Site.Status ? [] : [$"HTTP {visit.Status}, expected {visit.Site.Status}"];

    /// <summary>Console errors and uncaught exceptions; a not-found page's own 404 is what Chromium logs for it, not an error of the page.</summary>
    internal static IEnumerable<string> ConsoleProblems(VisitedPage visit) =>
        visit.ConsoleErrors
            .Where(error => !(visit.Site.Status != 200 && error.Contains($"status of {visit.Site.Status}", StringComparison.Ordinal)))
            .Select(error => $"browser {error}");

    /// <summary>axe-core's serious and critical violations of WCAG 2.x A/AA, one line per element: rule, impact, target, what to do.</summary>
    internal static async Task<IEnumerable<string>> AxeProblemsAsync(IPage page)
    {
        // The legacy run: axe.run in the page itself. RunAxe's default (runPartial in each frame, finishRun in a page of its
        // own) is for cross-origin iframes, which the portal has none of, and costs about three times as long.
#pragma warning disable CS0618 // Legacy mode is the right one for a page without iframes; RunAxe gives the same violations, slower.
        var results = await page.Locator("html").RunAxeLegacy(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"axe {v.Id} ({v.Impact}) at {n.Target}: {v.Help} — {Shorten(n.Html)}"));
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length > 160 ? html[..160] + "…" : html;
}
