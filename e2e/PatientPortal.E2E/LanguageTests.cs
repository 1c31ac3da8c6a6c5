using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>The portal speaks French and English, starting in French, and keeps the visitor's choice.</summary>
[Collection(PortalInChromium.Name)]
public sealed class LanguageTests(PortalUnderTest portal)
{
    [Fact]
    public async Task A_first_visit_is_in_French_and_the_toggle_switches_to_English_and_back()
    {
        await using var browser = await portal.NewBrowserAsync("fr-CA");
        var frame = await PortalFrame.OpenAsync(browser);

        await ShouldSpeakAsync(frame, FrameText.French);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.French.Dashboard);
        (await frame.ClinicNameAsync()).ShouldNotBeNullOrWhiteSpace();
        await frame.ScreenshotAsync("frame-fr.png");

        await frame.SwitchLanguageAsync();
        await ShouldSpeakAsync(frame, FrameText.English);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.English.Dashboard);
        await frame.ScreenshotAsync("frame-en.png");

        await frame.SwitchLanguageAsync();
        await ShouldSpeakAsync(frame, FrameText.French);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.French.Dashboard);
    }

    [Fact]
    public async Task An_English_browser_gets_English_labels()
    {
        await using var browser = await portal.NewBrowserAsync("en-CA");
        var frame = await PortalFrame.OpenAsync(browser);

        await ShouldSpeakAsync(frame, FrameText.English);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.English.Dashboard);
    }

    [Fact]
    public async Task A_browser_asking_for_neither_language_gets_French()
    {
        await using var browser = await portal.NewBrowserAsync("de-DE");
        var frame = await PortalFrame.OpenAsync(browser);

        await ShouldSpeakAsync(frame, FrameText.French);
    }

    [Fact]
    public async Task The_language_choice_survives_navigation()
    {
        // A French browser, so only the toggle's choice can make the next page English.
        await using var browser = await portal.NewBrowserAsync("fr-CA");
        var frame = await PortalFrame.OpenAsync(browser);
        await frame.SwitchLanguageAsync();

        await frame.OpenTabAsync("inbox");

        await ShouldSpeakAsync(frame, FrameText.English);
        (await frame.PageTitleAsync()).ShouldBe(FrameText.English.Inbox);
        (await frame.Page.GetByTestId("tab-inbox").GetAttributeAsync("aria-current")).ShouldBe("page");
        await frame.ScreenshotAsync("inbox-en.png");
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
