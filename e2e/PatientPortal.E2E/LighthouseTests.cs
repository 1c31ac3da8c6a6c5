using PatientPortal.E2E.Checks;
using PatientPortal.E2E.Crawl;
using Xunit.Abstractions;

namespace PatientPortal.E2E;

/// <summary>
/// Lighthouse scores 100 for accessibility and for best practices on the main pages (login, dashboard, appointments,
/// inbox, a thread), in French and in English (ADR 0020). The signed-in pages are reached with the crawl's session
/// cookie, sent as a request header. Skipped, saying why, only when Node.js is absent.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class LighthouseTests(PortalUnderTest portal, ITestOutputHelper output)
{
    /// <summary>The main pages, by their <see cref="SiteMap"/> names.</summary>
    public static readonly string[] MainPages = ["login", "child-dashboard", "appointments", "inbox", "inbox-thread"];

    [NodeTheory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task The_main_pages_score_100_for_accessibility_and_best_practices(string locale)
    {
        var crawl = SiteCrawl.For(portal);
        var pages = new List<LighthousePage>();
        foreach (var name in MainPages)
        {
            // Visit it first: the address (a thread's id) and a live session with the language cookie set.
            await using var visit = await crawl.VisitAsync(SiteMap.Named(name), locale);
            var cookies = await visit.Page.Context.CookiesAsync();
            var header = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
            pages.Add(new LighthousePage($"{name}-{locale[..2]}", visit.Page.Url, new Dictionary<string, string> { ["Cookie"] = header }));
        }

        var started = DateTime.UtcNow;
        var results = await Lighthouse.RunAsync(pages);
        output.WriteLine($"Lighthouse on {pages.Count} pages in {(DateTime.UtcNow - started).TotalSeconds:F0} s");

        var problems = new List<string>();
        foreach (var result in results)
        {
            output.WriteLine($"{result.Name}: {string.Join(", ", result.Scores.Select(s => $"{s.Key} {s.Value * 100:F0}"))}");
            if (result.RuntimeError is { } error)
            {
                problems.Add($"{result.Name} {result.Url}: Lighthouse could not run: {error}");
            }

            if (result.FinalUrl != result.Url)
            {
                problems.Add($"{result.Name}: Lighthouse ended on {result.FinalUrl}, not {result.Url} (the session cookie was not taken?)");
            }

            foreach (var (category, score) in result.Scores.Where(s => s.Value != 1))
            {
                problems.Add($"{result.Name} {result.Url}: {category} {score * 100:F0}, expected 100");
            }

            problems.AddRange(result.Failing.Select(f => $"{result.Name}: {f}"));
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }
}
