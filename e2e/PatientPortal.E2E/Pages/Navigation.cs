using System.Text.RegularExpressions;

namespace PatientPortal.E2E.Pages;

/// <summary>
/// Waits for the browser's next page by polling, never through Playwright's client-side load-state events.
/// <c>IPage.WaitForURLAsync</c> and <c>WaitForLoadStateAsync</c> look at the load states the client has seen and only then
/// subscribe to new ones: a <c>load</c> that arrives in between is lost and the test waits its 30 s on a page that loaded
/// long ago (microsoft/playwright-dotnet#3364, open in 1.64). On this two-core machine CI lost one in about one run of
/// three (after a registration's redirect, both times). <c>GotoAsync</c> waits in the driver and is not affected.
/// </summary>
internal static class Navigation
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the address matches <paramref name="glob"/> (Playwright's: <c>**</c> any text, <c>*</c> any text without "/") and that page has loaded.</summary>
    public static async Task WaitForPageAsync(this IPage page, string glob)
    {
        await Expect(page).ToHaveURLAsync(GlobToRegex(glob), new() { Timeout = (float)Timeout.TotalMilliseconds });
        await page.WaitUntilLoadedAsync();
    }

    /// <summary>Waits until the address no longer matches <paramref name="pattern"/> and the page it went to has loaded.</summary>
    public static async Task WaitToLeaveAsync(this IPage page, Regex pattern)
    {
        await Expect(page).Not.ToHaveURLAsync(pattern, new() { Timeout = (float)Timeout.TotalMilliseconds });
        await page.WaitUntilLoadedAsync();
    }

    /// <summary>Waits until the page now in the browser has fired <c>load</c> (asked of the document itself).</summary>
    public static async Task WaitUntilLoadedAsync(this IPage page)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"{page.Url} did not finish loading within {Timeout.TotalSeconds:0} s.");
                }

                await page.EvaluateAsync(
                    "() => document.readyState === 'complete' || new Promise(loaded => addEventListener('load', () => loaded(true), { once: true }))")
                    .WaitAsync(left);
                return;
            }
            catch (PlaywrightException e) when (IsNavigating(e) && DateTime.UtcNow < deadline)
            {
                // The page was replaced while we asked (a redirect, the next page): ask the new one.
                await Task.Delay(50);
            }
        }
    }

    private static bool IsNavigating(PlaywrightException e) =>
        e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
        || e.Message.Contains("navigation", StringComparison.OrdinalIgnoreCase);

    private static Regex GlobToRegex(string glob)
    {
        var pattern = Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex($"^{pattern}$");
    }
}
