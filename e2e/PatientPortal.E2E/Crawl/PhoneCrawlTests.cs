namespace PatientPortal.E2E.Crawl;

/// <summary>
/// Issue 11, phones: every page of the <see cref="SiteMap"/> at 360 px in both languages: nothing sticks out sideways,
/// and on the portal's pages the sidebar is a menu that opens and closes (screenshots: phone-360-&lt;page&gt;-&lt;fr|en&gt;.png).
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class PhoneCrawlTests(PortalUnderTest portal)
{
    private const int Width = 360;

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task Every_page_fits_a_360_px_screen_and_its_sidebar_is_a_menu(string locale)
    {
        var problems = await SiteCrawl.For(portal).CheckEveryPageAsync(locale, async visit =>
        {
            var page = visit.Page;
            var found = new List<string>();
            await page.SetViewportSizeAsync(Width, 740);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > Width)
            {
                found.Add($"{width} px wide: {await WideElementsAsync(page)}");
            }

            var menu = page.GetByTestId("menu-toggle");
            if (await page.Locator(".sidebar").CountAsync() > 0)
            {
                if (!await menu.IsVisibleAsync())
                {
                    found.Add("the sidebar has no visible menu button");
                }
                else
                {
                    if (await menu.GetAttributeAsync("aria-expanded") != "false" || await page.Locator("#sidebar-menu").IsVisibleAsync())
                    {
                        found.Add("the menu is not closed when the page opens");
                    }

                    await menu.ClickAsync();
                    if (await menu.GetAttributeAsync("aria-expanded") != "true" || !await page.Locator("#sidebar-menu").IsVisibleAsync())
                    {
                        found.Add("the menu does not open");
                    }

                    var openWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    if (openWidth > Width)
                    {
                        found.Add($"{openWidth} px wide with the menu open: {await WideElementsAsync(page)}");
                    }

                    await menu.ClickAsync();
                    if (await menu.GetAttributeAsync("aria-expanded") != "false" || await page.Locator("#sidebar-menu").IsVisibleAsync())
                    {
                        found.Add("the menu does not close");
                    }
                }
            }

            await Results.ScreenshotAsync(page, $"phone-360-{visit.Site.Name}");
            return found;
        });

        problems.ShouldBeEmpty($"{problems.Count} problems:\n" + string.Join("\n", problems));
    }

    // Names the elements that stick out, so a failure says what to fix.
    private static Task<string> WideElementsAsync(IPage page) => page.EvaluateAsync<string>(
        "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)"
        + ".slice(0, 6).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')", Width);
}
