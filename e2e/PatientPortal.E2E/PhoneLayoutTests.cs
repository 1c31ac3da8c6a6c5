using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>On a phone (390 px, and 360 px: issue 11), pages fit the screen: nothing makes the patient scroll sideways; the sidebar is a menu.</summary>
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

    [Theory]
    [InlineData("fr-CA", "Rendez-vous")]
    [InlineData("en-CA", "Appointments")]
    public async Task On_a_360_px_phone_the_sidebar_folds_into_a_menu_that_the_keyboard_opens_and_closes(string locale, string appointments)
    {
        await using var browser = await portal.NewBrowserAsync(locale);
        var patient = Patient.New(PortalText.For(locale).Language, "menu");
        var dashboard = await Journeys.RegisterAndActivateAsync(browser, patient);
        var page = dashboard.Page;
        await page.SetViewportSizeAsync(360, 740);
        await page.ReloadAsync();

        var menu = page.GetByTestId("menu-toggle");
        var tab = page.GetByTestId("tab-appointments");
        await Expect(menu).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menu).ToHaveAttributeAsync("aria-controls", "sidebar-menu");
        await Expect(tab).ToBeHiddenAsync();
        (await PageWidthAsync(page)).ShouldBeLessThanOrEqualTo(360, await WideElementsAsync(page, 360));
        await Results.ScreenshotAsync(page, "phone-360-menu-closed");

        // Keyboard only: focus the button, Enter opens, Tab reaches the tabs, Escape closes and gives the focus back.
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(tab).ToBeVisibleAsync();
        await Expect(tab).ToContainTextAsync(appointments);
        (await PageWidthAsync(page)).ShouldBeLessThanOrEqualTo(360, await WideElementsAsync(page, 360));
        await Results.ScreenshotAsync(page, "phone-360-menu-open");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menu).ToBeFocusedAsync();
        await Expect(tab).ToBeHiddenAsync();

        // Space opens it too, and a tab in the menu leads to its page.
        await page.Keyboard.PressAsync(" ");
        await tab.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/appointments$"));
        await Expect(page.GetByTestId("menu-toggle")).ToHaveAttributeAsync("aria-expanded", "false");

        // On a wide screen there is no menu: the tabs are always there.
        await page.SetViewportSizeAsync(1280, 800);
        await Expect(page.GetByTestId("menu-toggle")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("tab-appointments")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task The_user_guide_fits_a_360_px_phone(string locale)
    {
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/user-guide");

        (await PageWidthAsync(page)).ShouldBeLessThanOrEqualTo(360, await WideElementsAsync(page, 360));
        await Results.ScreenshotAsync(page, "phone-360-user-guide");
    }

    private static Task<int> PageWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    // Names the elements that stick out, so a failure says what to fix.
    private static Task<string> WideElementsAsync(IPage page, int width = 390) => page.EvaluateAsync<string>(
        "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)"
        + ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')", width);
}
