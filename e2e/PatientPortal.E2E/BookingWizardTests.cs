using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// Heather books an appointment for her son Nathan through the wizard, in a real browser, on the demo clinic (seeded
/// relative to the clock at start-up): specialty, practitioner (the assigned one first), site, type, the reason with
/// its live counter, the week grid, Confirm Appointment, Done. A screenshot at each step.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class BookingWizardTests(PortalUnderTest portal)
{
    private const string DemoPatient = "heather.milner@example.com";
    private const string DemoPassword = "Portail-Demo-2026!";

    [Theory]
    [InlineData("fr-CA", "Prendre un rendez-vous", "Votre rendez-vous est pris.", "Matin")]
    [InlineData("en-CA", "Book an appointment", "Your appointment is booked.", "Morning")]
    public async Task Heather_books_for_Nathan_through_the_wizard(string locale, string book, string booked, string morning)
    {
        await using var browser = await portal.NewBrowserAsync(locale);
        var login = await LoginPage.OpenAsync(browser);
        var page = login.Page;
        await login.SignInAsync(DemoPatient, DemoPassword);
        // The toggle changes the demo account's language, which other tests on this portal expect in French: put it back.
        var switched = !(await page.Locator("html").GetAttributeAsync("lang") ?? "").StartsWith(locale[..2], StringComparison.Ordinal);
        if (switched)
        {
            await new PortalFrame(page).SwitchLanguageAsync();
        }

        await page.GotoAsync("/");
        await page.Locator("[data-testid='attached-profile']", new() { HasText = "Nathan Milner" }).GetByTestId("select-profile").ClickAsync();
        await page.GotoAsync("/appointments");
        await Expect(page.GetByTestId("book-appointment")).ToHaveTextAsync(book);
        await Results.ScreenshotAsync(page, "appointments-tab");

        await page.GetByTestId("book-appointment").ClickAsync();
        foreach (var step in new[] { "specialty", "practitioner", "site", "type" })
        {
            await Expect(page.GetByTestId($"step-{step}")).ToBeVisibleAsync();
            await Results.ScreenshotAsync(page, $"booking-{step}");
            await page.GetByTestId("choice").First.ClickAsync();
        }

        await Expect(page.GetByTestId("step-questionnaire")).ToBeVisibleAsync();
        await page.GetByTestId("reason").PressSequentiallyAsync("Fever");
        await Expect(page.GetByTestId("reason-counter")).ToHaveTextAsync("5 / 140");
        await Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("Dr. Medfar Solutions");
        await Results.ScreenshotAsync(page, "booking-questionnaire");
        await page.GetByTestId("see-availabilities").ClickAsync();

        await Expect(page.GetByTestId("availability-grid")).ToContainTextAsync(morning);
        await Results.ScreenshotAsync(page, "booking-availabilities");
        await page.GetByTestId("slot").First.ClickAsync();

        await Expect(page.GetByTestId("summary-phone")).ToHaveTextAsync("(555) 123-4321");
        await Results.ScreenshotAsync(page, "booking-confirm");
        await page.GetByTestId("confirm-booking").ClickAsync();

        await Expect(page.GetByTestId("booked")).ToHaveTextAsync(booked);
        await Expect(page.GetByTestId("details-reason")).ToHaveTextAsync("Fever");
        page.Url.ShouldNotContain("Fever");
        await Results.ScreenshotAsync(page, "booking-done");
        await page.GetByTestId("done").ClickAsync();
        await page.WaitForPageAsync("**/appointments");
        if (switched)
        {
            await new PortalFrame(page).SwitchLanguageAsync();
        }
    }
}
