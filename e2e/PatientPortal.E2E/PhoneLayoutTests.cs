using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>On a phone (390 px), pages fit the screen: nothing makes the patient scroll sideways.</summary>
[Collection(PortalInChromium.Name)]
public sealed class PhoneLayoutTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task The_registration_form_and_the_dashboard_fit_a_phone_screen(string locale)
    {
        await using var browser = await portal.NewBrowserAsync(locale);
        // A long address is the usual culprit: it must wrap, not widen the page.
        var patient = Patient.New(PortalText.For(locale).Language, "a-rather-long-address-for-a-small-phone-screen");
        var dashboard = await Journeys.RegisterAndActivateAsync(browser, patient);
        await dashboard.Page.SetViewportSizeAsync(390, 844);
        await dashboard.Page.ReloadAsync();

        (await PageWidthAsync(dashboard.Page)).ShouldBeLessThanOrEqualTo(390, await WideElementsAsync(dashboard.Page));
        await Results.ScreenshotAsync(dashboard.Page, "phone-dashboard");

        await dashboard.Page.GotoAsync("/logout");
        await dashboard.Page.GotoAsync("/register");
        (await PageWidthAsync(dashboard.Page)).ShouldBeLessThanOrEqualTo(390, await WideElementsAsync(dashboard.Page));
        await Results.ScreenshotAsync(dashboard.Page, "phone-register");
    }

    private static Task<int> PageWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    // Names the elements that stick out, so a failure says what to fix.
    private static Task<string> WideElementsAsync(IPage page) => page.EvaluateAsync<string>(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        + ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
}
