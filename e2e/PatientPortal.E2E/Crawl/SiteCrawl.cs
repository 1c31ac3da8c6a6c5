using System.Runtime.CompilerServices;
using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E.Crawl;

/// <summary>
/// Visits the pages of the <see cref="SiteMap"/> in French or English, for checks that run on every page. One crawl per
/// portal (<see cref="ForAsync"/>), shared by every test that uses it: the demo patient and the clinic admin are signed in
/// once (a staff sign-in waits for a fresh authenticator code), and the language is the culture cookie that the
/// FRANÇAIS/ENGLISH toggle sets, put on the browser before each visit (so the demo account's preferred language is not
/// changed). A signed-in browser that finds itself on the login page (idle timeout) signs in again and retries once.
/// </summary>
internal sealed class SiteCrawl
{
    public const string CultureCookie = ".AspNetCore.Culture";
    public const string PatientEmail = "heather.milner@example.com";
    public const string PatientPassword = "Portail-Demo-2026!";
    public const string ChildName = "Nathan Milner";
    public const string AdminEmail = "admin@clinique-saint-laurent.example";
    public const string AdminPassword = "Admin-Portail-2026!";

    /// <summary>The two languages, as Playwright locales and as the portal's &lt;html lang&gt;.</summary>
    public static readonly IReadOnlyList<string> Locales = ["fr-CA", "en-CA"];

    private static readonly ConditionalWeakTable<PortalUnderTest, SiteCrawl> Crawls = [];

    private readonly PortalUnderTest _portal;
    private readonly Dictionary<Visitor, IBrowserContext> _signedIn = [];

    private SiteCrawl(PortalUnderTest portal) => _portal = portal;

    /// <summary>The crawl of <paramref name="portal"/> (its browsers close with the portal's Chromium).</summary>
    public static SiteCrawl For(PortalUnderTest portal) => Crawls.GetValue(portal, p => new SiteCrawl(p));

    /// <summary>
    /// Opens <paramref name="site"/> in <paramref name="locale"/> ("fr-CA" or "en-CA") in a new tab of its visitor's browser,
    /// and waits until it has loaded. Dispose the result to close the tab (and an anonymous visitor's browser).
    /// </summary>
    public async Task<VisitedPage> VisitAsync(SitePage site, string locale)
    {
        // The browser tests run one after another (one collection), so the crawl needs no lock.
        for (var attempt = 0; ; attempt++)
        {
            var browser = site.As == Visitor.Anonymous ? await _portal.NewBrowserAsync(locale) : await SignedInAsync(site.As, locale);
            await SetLanguageAsync(browser, locale);
            var visit = await VisitedPage.OpenAsync(site, locale, browser, ownsBrowser: site.As == Visitor.Anonymous);
            if (site.As != Visitor.Anonymous && attempt == 0 && IsLogin(visit.Page.Url))
            {
                // The session ended (idle timeout, or another test signed the account out): sign in again.
                await visit.DisposeAsync();
                await _signedIn[site.As].CloseAsync();
                _signedIn.Remove(site.As);
                continue;
            }

            return visit;
        }
    }

    /// <summary>
    /// Runs <paramref name="check"/> on every page of <paramref name="pages"/> (default: <see cref="SiteMap.Selected"/>, the whole site map)
    /// in <paramref name="locale"/>; returns what it found, one line per problem, each naming the page. A page that cannot
    /// be opened is a problem too, and the crawl goes on.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckEveryPageAsync(string locale, Func<VisitedPage, Task<IEnumerable<string>>> check, IEnumerable<SitePage>? pages = null)
    {
        var problems = new List<string>();
        foreach (var site in pages ?? SiteMap.Selected)
        {
            try
            {
                await using var visit = await VisitAsync(site, locale);
                problems.AddRange((await check(visit)).Select(problem => $"{site.Name} [{locale}] {visit.Path}: {problem}"));
            }
            catch (Exception failure) when (failure is PlaywrightException or InvalidOperationException or TimeoutException or ShouldAssertException)
            {
                problems.Add($"{site.Name} [{locale}]: could not be opened: {failure.Message.Split('\n')[0]}");
            }
        }

        return problems;
    }

    private async Task<IBrowserContext> SignedInAsync(Visitor visitor, string locale)
    {
        if (_signedIn.TryGetValue(visitor, out var known))
        {
            return known;
        }

        var browser = await _portal.NewBrowserAsync(locale);
        var login = await LoginPage.OpenAsync(browser);
        if (visitor == Visitor.Staff)
        {
            await Journeys.SignInAsStaffAsync(login.Page, AdminEmail, AdminPassword);
            await Expect(login.Page).Not.ToHaveURLAsync(LoginPage.LoginUrl());
        }
        else
        {
            await login.SignInAsync(PatientEmail, PatientPassword);
            if (visitor == Visitor.Proxy)
            {
                await login.Page.GotoAsync("/");
                await login.Page.Locator("[data-testid='attached-profile']", new() { HasText = ChildName }).GetByTestId("select-profile").ClickAsync();
                await Expect(login.Page.GetByTestId("profile-name")).ToHaveTextAsync(ChildName);
            }
        }

        await login.Page.CloseAsync();
        _signedIn[visitor] = browser;
        return browser;
    }

    private async Task SetLanguageAsync(IBrowserContext browser, string locale) =>
        await browser.AddCookiesAsync(
        [
            new Cookie
            {
                Name = CultureCookie,
                Value = Uri.EscapeDataString($"c={locale}|uic={locale}"),
                Url = _portal.BaseAddress.GetLeftPart(UriPartial.Authority),
                HttpOnly = true,
                SameSite = SameSiteAttribute.Lax,
            },
        ]);

    private static bool IsLogin(string url) => new Uri(url).AbsolutePath == "/login";
}

/// <summary>
/// A page of the crawl, open in a tab: what the browser logged as errors while it loaded (console errors and uncaught
/// exceptions) and the status of its document.
/// </summary>
internal sealed class VisitedPage : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];
    private readonly IBrowserContext _browser;
    private readonly bool _ownsBrowser;

    private VisitedPage(SitePage site, string locale, IPage page, IBrowserContext browser, bool ownsBrowser)
    {
        Site = site;
        Locale = locale;
        Page = page;
        _browser = browser;
        _ownsBrowser = ownsBrowser;
    }

    public SitePage Site { get; }

    /// <summary>"fr-CA" or "en-CA": what &lt;html lang&gt; must say.</summary>
    public string Locale { get; }

    public IPage Page { get; }

    /// <summary>The address the page ended on (path and query).</summary>
    public string Path => new Uri(Page.Url).PathAndQuery;

    /// <summary>The HTTP status of the last document the tab loaded.</summary>
    public int? Status { get; private set; }

    /// <summary>Console errors and uncaught page errors, as the browser gave them, in order.</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public static async Task<VisitedPage> OpenAsync(SitePage site, string locale, IBrowserContext browser, bool ownsBrowser)
    {
        var page = await browser.NewPageAsync();
        var visit = new VisitedPage(site, locale, page, browser, ownsBrowser);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                visit._consoleErrors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => visit._consoleErrors.Add($"pageerror: {error}");
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                visit.Status = response.Status;
            }
        };
        await site.OpenAsync(page);
        await page.WaitUntilLoadedAsync();
        return visit;
    }

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        if (_ownsBrowser)
        {
            await _browser.CloseAsync();
        }
    }
}
