using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// WCAG 2.1.1 (keyboard) on the portal's main journey: a newly registered patient books an appointment with the keyboard
/// alone, from the dashboard's APPOINTMENTS tab to "Your appointment is booked." (a fresh patient: the demo family, shared
/// by other tests, may already be at the limit of upcoming bookings) — Tab and Shift+Tab to move, Enter on links and
/// buttons, Space on a button, the arrow keys in the "when" radio group, typing in the reason. No mouse click anywhere,
/// and every element the keyboard reaches shows a visible focus ring (2.4.7). ADR 0020.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class KeyboardBookingTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_booking_can_be_done_with_the_keyboard_alone(string locale)
    {
        var text = AppointmentText.For(locale);
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = await BookingWizard.RegisterPatientAsync(browser, Patient.New(locale[..2], "keyboard"));
        await page.GotoAsync("/");
        var keys = page.Keyboard;

        // From the dashboard to the APPOINTMENTS tab, then Book an appointment.
        await TabToAsync(page, page.GetByTestId("tab-appointments"));
        await keys.PressAsync("Enter");
        await page.WaitForPageAsync("**/appointments");
        await TabToAsync(page, page.GetByTestId("book-appointment"));
        await keys.PressAsync("Enter");

        // Specialty, practitioner, site, type: the first choice of each, with Enter.
        foreach (var step in new[] { "specialty", "practitioner", "site", "type" })
        {
            await Expect(page.GetByTestId($"step-{step}")).ToBeVisibleAsync();
            await TabToAsync(page, page.GetByTestId("choice").First);
            await keys.PressAsync("Enter");
        }

        // The questionnaire: the arrow keys move in the "when" group (and back to "as soon as possible"), the reason is typed.
        await Expect(page.GetByTestId("step-questionnaire")).ToBeVisibleAsync();
        await TabToAsync(page, page.GetByTestId("when-asap"));
        await keys.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("when-after")).ToBeCheckedAsync();
        await keys.PressAsync("ArrowUp");
        await Expect(page.GetByTestId("when-asap")).ToBeCheckedAsync();
        await TabToAsync(page, page.GetByTestId("reason"));
        await keys.TypeAsync("Fever");
        await Expect(page.GetByTestId("reason-counter")).ToHaveTextAsync("5 / 140");
        // Past the button and back with Shift+Tab, then Space presses it.
        await TabToAsync(page, page.GetByTestId("see-availabilities"));
        await keys.PressAsync("Shift+Tab");
        await ExpectFocusedAsync(page, page.GetByTestId("back"));
        await keys.PressAsync("Tab");
        await ExpectFocusedAsync(page, page.GetByTestId("see-availabilities"));
        await keys.PressAsync("Space");

        // The week grid: the first free slot, with Enter; then Confirm Appointment.
        await Expect(page.GetByTestId("availability-grid")).ToBeVisibleAsync();
        await TabToAsync(page, page.GetByTestId("slot").First);
        await keys.PressAsync("Enter");
        await Expect(page.GetByTestId("confirm-booking")).ToBeVisibleAsync();
        await TabToAsync(page, page.GetByTestId("confirm-booking"));
        await keys.PressAsync("Enter");

        await Expect(page.GetByTestId("booked")).ToHaveTextAsync(text.BookedNotice);
        await Expect(page.GetByTestId("details-reason")).ToHaveTextAsync("Fever");
        await Results.ScreenshotAsync(page, "keyboard-booked");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 100 times), checking the focus ring of each stop on the way.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 0; presses < 100; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            await ExpectVisibleFocusAsync(page);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        throw new InvalidOperationException($"100 presses of Tab never reached {target} on {page.Url}.");
    }

    private static async Task ExpectFocusedAsync(IPage page, ILocator target)
    {
        (await target.EvaluateAsync<bool>("e => e === document.activeElement")).ShouldBeTrue($"{target} should have the focus on {page.Url}");
        await ExpectVisibleFocusAsync(page);
    }

    /// <summary>The focused element shows an outline of at least 2 px (the portal's :focus-visible ring).</summary>
    private static async Task ExpectVisibleFocusAsync(IPage page)
    {
        var ring = await page.EvaluateAsync<string>("""
            () => {
                const e = document.activeElement;
                if (!e || e === document.body) return "ok";
                const s = getComputedStyle(e);
                return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 ? "ok" : (e.outerHTML.slice(0, 120) + " outline: " + s.outlineStyle + " " + s.outlineWidth);
            }
            """);
        ring.ShouldBe("ok", $"the focused element shows no focus ring on {page.Url}");
    }
}
