namespace PatientPortal.E2E.Crawl;

/// <summary>
/// Issue 11, bilingual parity: every page of the <see cref="SiteMap"/> in French shows no English, and in English no
/// French (<see cref="LanguageLeaks"/>; proper names and user data are marked translate="no"; ADR 0021).
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class BilingualCrawlTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task No_page_shows_a_word_of_the_other_language(string locale)
    {
        var problems = await SiteCrawl.For(portal).CheckEveryPageAsync(locale, async visit =>
        {
            var lang = await visit.Page.EvaluateAsync<string>("() => document.documentElement.lang");
            var leaks = (await LanguageLeaks.FindAsync(visit.Page)).ToList();
            if (lang != visit.Locale)
            {
                leaks.Insert(0, $"<html lang=\"{lang}\"> instead of {visit.Locale}");
            }

            return leaks;
        });

        problems.ShouldBeEmpty($"{problems.Count} leaks:\n" + string.Join("\n", problems));
    }
}
