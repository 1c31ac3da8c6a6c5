using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// The portal speaks French and English. Before signing in, the public pages follow the visitor's choice (the toggle),
/// else the browser, else French; once signed in, the account's language, which the toggle then changes.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class LanguageTests(PortalUnderTest portal)
{
    private const string DemoPatient = "heather.milner@example.com";
    private const string DemoPassword = "Portail-Demo-2026!";

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page_and_back_to_the_page_asked_for()
    {
        await using var browser = await portal.NewBrowserAsync("fr-CA");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/inbox");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\?returnUrl=%2Finbox$"));
        var login = new LoginPage(page);
        await login.SignInAsync(DemoPatient, DemoPassword);
        await page.WaitForPageAsync("**/inbox");
        (await new PortalFrame(page).PageTitleAsync()).ShouldBe(FrameText.French.Inbox);
    }

    [Fact]
    public async Task A_first_visit_is_in_French_and_the_toggle_switches_to_English_and_back()
    {
        await using var browser = await portal.NewBrowserAsync("fr-CA");
        var frame = await PortalFrame.OpenAsync(browser, "/login");

        await ShouldSpeakPublicAsync(frame, FrameText.French);
        (await frame.ClinicNameAsync()).ShouldNotBeNullOrWhiteSpace();

        await frame.SwitchLanguageAsync();
        await ShouldSpeakPublicAsync(frame, FrameText.English);

        await frame.SwitchLanguageAsync();
        await ShouldSpeakPublicAsync(frame, FrameText.French);
    }

    [Fact]
    public async Task An_English_browser_gets_English_labels()
    {
        await using var browser = await portal.NewBrowserAsync("en-CA");
        var frame = await PortalFrame.OpenAsync(browser, "/login");

        await ShouldSpeakPublicAsync(frame, FrameText.English);
    }

    [Fact]
    public async Task A_browser_asking_for_neither_language_gets_French()
    {
        await using var browser = await portal.NewBrowserAsync("de-DE");
        var frame = await PortalFrame.OpenAsync(browser, "/login");

        await ShouldSpeakPublicAsync(frame, FrameText.French);
    }

    [Fact]
    public async Task The_language_choice_survives_navigation()
    {
        // A French browser, so only the toggle's choice can make the next page English.
        await using var browser = await portal.NewBrowserAsync("fr-CA");
        var frame = await PortalFrame.OpenAsync(browser, "/login");
        await frame.SwitchLanguageAsync();

        await new LoginPage(frame.Page).CreateAccountAsync();

        (await frame.LanguageAsync()).ShouldBe(FrameText.English.HtmlLang);
        (await frame.PageTitleAsync()).ShouldBe(PortalText.English.RegisterTitle);
    }

    [Fact]
    public async Task Signed_in_the_frame_speaks_the_account_language_whatever_the_browser_asks_for()
    {
        // The demo patient's account is French; the browser asks for English.
        await using var browser = await portal.NewBrowserAsync("en-CA");
        var login = await LoginPage.OpenAsync(browser);
        await login.SignInAsync(DemoPatient, DemoPassword);
        var frame = new PortalFrame(login.Page);

        await ShouldSpeakAsync(frame, FrameText.French);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.French.Dashboard);
        (await frame.ClinicNameAsync()).ShouldNotBeNullOrWhiteSpace();
        await frame.ScreenshotAsync("frame");
    }

    [Fact]
    public async Task The_toggle_while_signed_in_changes_the_account_language()
    {
        // A patient of its own, so the shared demo patient keeps speaking French.
        var patient = Patient.New("fr", "toggle");
        await using var browser = await portal.NewBrowserAsync("fr-CA");
        var frame = new PortalFrame((await Journeys.RegisterAndActivateAsync(browser, patient)).Page);
        await ShouldSpeakAsync(frame, FrameText.French);

        await frame.SwitchLanguageAsync();
        await ShouldSpeakAsync(frame, FrameText.English);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.English.Dashboard);
        await frame.ScreenshotAsync("frame");

        await frame.OpenTabAsync("inbox");
        await ShouldSpeakAsync(frame, FrameText.English);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.English.Inbox);
        (await frame.Page.GetByTestId("tab-inbox").GetAttributeAsync("aria-current")).ShouldBe("page");
        await frame.ScreenshotAsync("inbox");

        // Another French browser: signing in brings back the language the account chose.
        await using var later = await portal.NewBrowserAsync("fr-CA");
        var login = await LoginPage.OpenAsync(later);
        await login.SignInAsync(patient.Email, patient.Password);
        await ShouldSpeakAsync(new PortalFrame(login.Page), FrameText.English);
    }

    private static async Task ShouldSpeakPublicAsync(PortalFrame frame, FrameText expected)
    {
        (await frame.LanguageAsync()).ShouldBe(expected.HtmlLang);
        (await frame.LanguageToggleAsync()).ShouldBe(expected.LanguageToggle);
        (await frame.PageTitleAsync()).ShouldBe(PortalText.For(expected.HtmlLang).LoginTitle);
    }

    private static async Task ShouldSpeakAsync(PortalFrame frame, FrameText expected)
    {
        (await frame.LanguageAsync()).ShouldBe(expected.HtmlLang);
        (await frame.LanguageToggleAsync()).ShouldBe(expected.LanguageToggle);
        (await frame.TabLabelsAsync()).ShouldBe(expected.Tabs);
        (await frame.OtherProfilesAsync()).ShouldBe(expected.OtherProfiles);
        (await frame.UserGuideAsync()).ShouldBe(expected.UserGuide);
        (await frame.ActivityTitleAsync()).ShouldBe(expected.ActivityTitle);
    }
}
