namespace PatientPortal.E2E.Pages;

/// <summary>
/// The frame around every signed-in portal page (Pages/Shared/_Layout.cshtml): header with the language toggle,
/// sidebar with the tabs, the page title, and the recent-activity column. The header (clinic name, language toggle)
/// and the page title are also on the public and admin layouts. Texts are read from the DOM (textContent), so CSS
/// uppercasing does not matter.
/// </summary>
internal sealed class PortalFrame(IPage page)
{
    public IPage Page { get; } = page;

    public static async Task<PortalFrame> OpenAsync(IBrowserContext browser, string path = "/")
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        return new PortalFrame(page);
    }

    public async Task<string> LanguageAsync() => await Page.Locator("html").GetAttributeAsync("lang") ?? "";

    public Task<string> ClinicNameAsync() => TextAsync("clinic-name");

    public Task<string> LanguageToggleAsync() => TextAsync("language-toggle");

    public Task<string> PageTitleAsync() => TextAsync("page-title");

    public Task<string> OtherProfilesAsync() => TextAsync("other-profiles");

    public Task<string> UserGuideAsync() => TextAsync("user-guide");

    public async Task<string> ActivityTitleAsync() => Clean(await Page.Locator("#activity-title").TextContentAsync());

    public async Task<IReadOnlyList<string>> TabLabelsAsync() =>
        [.. (await Page.Locator("[data-testid^='tab-']").AllTextContentsAsync()).Select(text => Clean(text))];

    /// <summary>Clicks the toggle and waits for the page to come back in the other language.</summary>
    public async Task SwitchLanguageAsync()
    {
        var before = await LanguageAsync();
        await Page.GetByTestId("language-toggle").ClickAsync();
        // The toggle POSTs and redirects back to the same address, so wait on the language, not the URL.
        await Expect(Page.Locator("html")).Not.ToHaveAttributeAsync("lang", before);
        await Page.WaitUntilLoadedAsync();
    }

    /// <summary>Switches to "fr" or "en" unless the page already speaks it (signed in, this also changes the account's language).</summary>
    public async Task SwitchLanguageToAsync(string language)
    {
        if (!(await LanguageAsync()).StartsWith(language, StringComparison.Ordinal))
        {
            await SwitchLanguageAsync();
        }
    }

    /// <summary>Follows a sidebar tab (e.g. "inbox") and waits for its page.</summary>
    public async Task OpenTabAsync(string tab)
    {
        await Page.GetByTestId($"tab-{tab}").ClickAsync();
        await Page.WaitForPageAsync($"**/{tab}");
    }

    /// <summary>Saves "&lt;name&gt;-&lt;fr|en&gt;.png" (see <see cref="Results.ScreenshotAsync"/>).</summary>
    public Task ScreenshotAsync(string name) => Results.ScreenshotAsync(Page, name);

    private async Task<string> TextAsync(string testId) => Clean(await Page.GetByTestId(testId).TextContentAsync());

    // textContent keeps the markup's indentation and line breaks; compare words only.
    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
