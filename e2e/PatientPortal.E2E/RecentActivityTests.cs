using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// Recent activity, the right-hand column (ADR 0018), in a real browser in French and in English: a new patient books
/// and cancels; once the outbox has run, the column lists both, newest first, each a link to the appointment, and the
/// frame keeps the guide's layout (header, left sidebar, centre, right-hand activity).
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class RecentActivityTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_booking_and_its_cancellation_show_in_the_column_each_a_link_to_the_appointment(string locale)
    {
        var text = AppointmentText.For(locale);
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = await BookingWizard.RegisterPatientAsync(browser, Patient.New(locale[..2], "activity"));
        var wizard = await BookingWizard.OpenAsync(page, emergency: false, screenshots: "activity");
        await wizard.ChooseFirstAsync("specialty", "practitioner", "site", "type");
        await wizard.AnswerAsync("Follow-up", (await PortalClock.TodayAsync(browser)).AddDays(7));
        var start = await wizard.PickFirstSlotAsync();
        var booked = await wizard.ConfirmAsync(start, text);
        await page.GetByTestId("cancel-appointment").ClickAsync();
        await Expect(page.GetByTestId("done-cancelled")).ToHaveTextAsync(text.CancelledNotice);

        // The outbox delivers within seconds: reload until both lines are there.
        var lines = page.Locator("aside.activity [data-testid='activity-line']");
        for (var attempt = 0; attempt < 40 && await lines.CountAsync() < 2; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.GotoAsync("/appointments");
        }

        await Expect(lines).ToHaveCountAsync(2);
        await Expect(lines.Nth(0)).ToHaveAttributeAsync("data-kind", "AppointmentCancelled");
        await Expect(lines.Nth(1)).ToHaveAttributeAsync("data-kind", "AppointmentBooked");
        await Expect(lines.Nth(0)).ToHaveAttributeAsync("href", booked.DetailsPath);
        await Expect(lines.Nth(1).Locator(".activity-text")).ToContainTextAsync(locale == "fr-CA" ? "Rendez-vous réservé pour le" : "Appointment booked for");
        (await page.Locator("aside.activity").InnerTextAsync()).ShouldNotContain("Follow-up");

        // The guide's frame: the column is on the right of the centre, beside the sidebar on the left.
        var sidebar = (await page.Locator("aside.sidebar").BoundingBoxAsync())!;
        var centre = (await page.Locator("main#content").BoundingBoxAsync())!;
        var activity = (await page.Locator("aside.activity").BoundingBoxAsync())!;
        sidebar.X.ShouldBeLessThan(centre.X);
        centre.X.ShouldBeLessThan(activity.X);
        await Results.ScreenshotAsync(page, "recent-activity");

        await lines.Nth(1).ClickAsync();
        await page.WaitForPageAsync("**" + booked.DetailsPath);
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Cancelled);
    }
}
