using System.Text.RegularExpressions;
using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// The guide's appointment journeys in a real browser, in French and in English, each for a patient who registers for
/// the test (the portal is shared: the demo family's appointments stay as other tests expect them): an emergency
/// booking; a booking cancelled from the portal, with the breadcrumb's Questionnaire keeping the reason and the grid on
/// a phone; a booking cancelled from the confirmation email's link ("Are you sure?", Back, Cancel Appointment).
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class AppointmentJourneyTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_new_patient_books_an_emergency_appointment(string locale)
    {
        var text = AppointmentText.For(locale);
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = await BookingWizard.RegisterPatientAsync(browser, Patient.New(locale[..2], "emergency"));

        var wizard = await BookingWizard.OpenAsync(page, emergency: true, screenshots: "emergency");
        await Expect(page.GetByTestId("page-title")).ToHaveTextAsync(text.Emergency);
        await wizard.ChooseFirstAsync("site");
        // The guide's emergency categories come with what they are for.
        await Expect(page.GetByTestId("step-type")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("choice-description").First).ToBeVisibleAsync();
        await wizard.ChooseFirstAsync("type");
        await Expect(wizard.Breadcrumb).ToContainTextAsync(text.Emergency);
        await wizard.AnswerAsync("Earache since last night");

        // Anyone whose schedule offers the category: each slot names its practitioner.
        await Expect(wizard.Grid.Locator("thead")).ToContainTextAsync(text.Morning);
        await Expect(wizard.Grid.Locator("thead")).ToContainTextAsync(text.Afternoon);
        await Expect(page.GetByTestId("slot").First).ToContainTextAsync("Dr.");
        var start = await wizard.PickFirstSlotAsync();
        var booked = await wizard.ConfirmAsync(start, text);

        await Expect(page.GetByTestId("details-reason")).ToHaveTextAsync("Earache since last night");
        page.Url.ShouldNotContain("Earache");
        await page.SetViewportSizeAsync(390, 844);
        (await PageWidthAsync(page)).ShouldBeLessThanOrEqualTo(390, await WideElementsAsync(page));
        await Results.ScreenshotAsync(page, "phone-appointment-details");
        await page.SetViewportSizeAsync(1280, 800);
        await page.GetByTestId("done").ClickAsync();
        await page.WaitForPageAsync("**/appointments");
        var row = page.GetByTestId("upcoming").GetByTestId("appointment-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("appointment-status")).ToHaveTextAsync(text.Booked);
        await Expect(row.GetByTestId("appointment-link")).ToHaveAttributeAsync("href", booked.DetailsPath);
        await Results.ScreenshotAsync(page, "emergency-tab");
    }

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_patient_goes_back_to_the_questionnaire_keeps_the_reason_books_and_cancels_from_the_portal(string locale)
    {
        var text = AppointmentText.For(locale);
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = await BookingWizard.RegisterPatientAsync(browser, Patient.New(locale[..2], "cancel"));
        await page.GotoAsync("/appointments");
        await Expect(page.GetByTestId("upcoming-none")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("book-appointment")).ToHaveTextAsync(text.Book);

        var wizard = await BookingWizard.OpenAsync(page, emergency: false, screenshots: "cancel");
        await wizard.ChooseFirstAsync("specialty", "practitioner", "site", "type");
        var after = (await PortalClock.TodayAsync(browser)).AddDays(7);
        await wizard.AnswerAsync("Knee pain after running", after);

        // The breadcrumb's Questionnaire: back to the reason as it was typed, and the date chosen.
        await wizard.Breadcrumb.GetByText(text.Questionnaire).ClickAsync();
        await Expect(page.GetByTestId("step-questionnaire")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reason")).ToHaveValueAsync("Knee pain after running");
        await Expect(page.GetByTestId("reason-counter")).ToHaveTextAsync("23 / 140");
        await Expect(page.GetByTestId("when-after")).ToBeCheckedAsync();
        await Results.ScreenshotAsync(page, "cancel-questionnaire-again");
        await page.GetByTestId("see-availabilities").ClickAsync();
        await Expect(wizard.Grid).ToBeVisibleAsync();

        // The week grid: one row per day, Morning and Afternoon; the weekend says No Availability; the arrows change weeks.
        await Expect(page.GetByTestId("grid-day")).ToHaveCountAsync(7);
        await Expect(page.GetByTestId("no-availability").First).ToHaveTextAsync(text.NoAvailability);
        var week = await page.GetByTestId("week-of").InnerTextAsync();
        await page.GetByTestId("next-week").ClickAsync();
        await Expect(page.GetByTestId("week-of")).Not.ToHaveTextAsync(week);
        await page.GetByTestId("previous-week").ClickAsync();
        await Expect(page.GetByTestId("week-of")).ToHaveTextAsync(week);

        // On a phone the grid fits the screen.
        await page.SetViewportSizeAsync(390, 844);
        (await PageWidthAsync(page)).ShouldBeLessThanOrEqualTo(390, await WideElementsAsync(page));
        await Results.ScreenshotAsync(page, "phone-availabilities");
        await page.SetViewportSizeAsync(1280, 800);

        var start = await wizard.PickFirstSlotAsync();
        var booked = await wizard.ConfirmAsync(start, text);
        await Expect(page.GetByTestId("details-reason")).ToHaveTextAsync("Knee pain after running");
        // More than 72 hours away: no confirm yet, cancel open.
        await Expect(page.GetByTestId("confirm-not-yet")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-appointment")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("cancel-deadline")).ToBeVisibleAsync();

        await page.GetByTestId("cancel-appointment").ClickAsync();
        await Expect(page.GetByTestId("done-cancelled")).ToHaveTextAsync(text.CancelledNotice);
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Cancelled);
        await Expect(page.GetByTestId("cancel-appointment")).ToHaveCountAsync(0);
        await Results.ScreenshotAsync(page, "cancel-done");

        await page.GotoAsync("/appointments");
        var row = page.GetByTestId("appointment-row").Filter(new() { Has = page.Locator($"a[href='{booked.DetailsPath}']") });
        await Expect(row).ToHaveAttributeAsync("data-status", "Cancelled");
        await Expect(row.GetByTestId("appointment-status")).ToHaveTextAsync(text.Cancelled);
        await Results.ScreenshotAsync(page, "cancel-tab");
    }

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_patient_cancels_from_the_booking_emails_link_after_being_asked_if_they_are_sure(string locale)
    {
        var text = AppointmentText.For(locale);
        var patient = Patient.New(locale[..2], "email-cancel");
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = await BookingWizard.RegisterPatientAsync(browser, patient);
        var after = (await PortalClock.TodayAsync(browser)).AddDays(7);
        var booked = await BookingWizard.BookAsync(page, text, "Follow-up of blood tests", after);

        var mailbox = await Mailbox.OpenAsync(browser);
        var mail = await mailbox.WaitForAsync(patient.Email, text.BookedMail);
        mail.Body.ShouldNotContain("blood tests");
        await Results.ScreenshotAsync(mailbox.Page, "email-cancel-mail");
        await mailbox.Page.CloseAsync();
        var link = mail.Links.Single(l => l.Contains("/appointments/email/cancel?t=", StringComparison.Ordinal));

        // Opened from the email, without logging in (another browser): the question, Back and Cancel Appointment.
        await using var inbox = await portal.NewBrowserAsync(locale);
        var email = await inbox.NewPageAsync();
        await email.GotoAsync(link);
        await Expect(email.GetByTestId("page-title")).ToHaveTextAsync(text.AreYouSure);
        await Expect(email.GetByTestId("details-practitioner")).ToBeVisibleAsync();
        await Expect(email.GetByTestId("cancel-deadline")).ToBeVisibleAsync();
        await Expect(email.GetByTestId("back")).ToBeVisibleAsync();
        await Expect(email.GetByTestId("cancel-appointment")).ToHaveTextAsync(text.CancelAppointment);
        await Results.ScreenshotAsync(email, "email-cancel-are-you-sure");

        // Back: nothing is cancelled.
        await email.GetByTestId("back").ClickAsync();
        await email.WaitToLeaveAsync(new Regex("/appointments/email/"));
        await page.GotoAsync(booked.DetailsPath);
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Booked);

        await email.GotoAsync(link);
        await email.GetByTestId("cancel-appointment").ClickAsync();
        await Expect(email.GetByTestId("done-cancelled")).ToHaveTextAsync(text.CancelledNotice);
        await Results.ScreenshotAsync(email, "email-cancel-done");

        // The link is dead now; the portal and the mailbox say it is cancelled.
        await email.GotoAsync(link);
        await Expect(email.GetByTestId("link-error")).ToBeVisibleAsync();
        await Expect(email.GetByTestId("cancel-appointment")).ToHaveCountAsync(0);
        await Results.ScreenshotAsync(email, "email-cancel-dead-link");
        await page.GotoAsync(booked.DetailsPath);
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Cancelled);
        var notice = await (await Mailbox.OpenAsync(browser)).WaitForAsync(patient.Email, text.CancelledMail);
        notice.Body.ShouldNotContain("blood tests");
    }

    internal static Task<int> PageWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    // Names the elements that stick out, so a failure says what to fix.
    internal static Task<string> WideElementsAsync(IPage page) => page.EvaluateAsync<string>(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        + ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
}

/// <summary>
/// The guide's windows, each language on a portal of its own whose clock the test moves (it only moves forward): more
/// than 72 hours before, no confirm yet; inside 72 hours the patient confirms one appointment from the portal and the
/// other from the reminder email's Confirm Appointment link (the reminder job runs every minute on this portal); inside
/// 48 hours the Cancel button gives way to the guide's "call the clinic", and the booking email's cancel link, now
/// stale, says the same instead of cancelling.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class AppointmentWindowJourneyInFrenchTests(PortalUnderTest chromium, RemindingClockPortal clinic) : IClassFixture<RemindingClockPortal>
{
    [Fact]
    public Task Inside_72_hours_the_patient_confirms_from_the_portal_and_the_email_and_inside_48_hours_cancelling_is_refused() =>
        AppointmentWindowJourney.RunAsync(chromium, clinic, "fr-CA");
}

[Collection(PortalInChromium.Name)]
public sealed class AppointmentWindowJourneyInEnglishTests(PortalUnderTest chromium, RemindingClockPortal clinic) : IClassFixture<RemindingClockPortal>
{
    [Fact]
    public Task Inside_72_hours_the_patient_confirms_from_the_portal_and_the_email_and_inside_48_hours_cancelling_is_refused() =>
        AppointmentWindowJourney.RunAsync(chromium, clinic, "en-CA");
}

internal static class AppointmentWindowJourney
{
    private static readonly TimeSpan ReminderPatience = TimeSpan.FromSeconds(150);

    public static async Task RunAsync(PortalUnderTest chromium, RemindingClockPortal clinic, string locale)
    {
        var text = AppointmentText.For(locale);
        var patient = Patient.New(locale[..2], "windows");
        await using var browser = await chromium.NewBrowserAsync(locale, clinic.BaseAddress);
        var page = await BookingWizard.RegisterPatientAsync(browser, patient);
        var after = (await PortalClock.TodayAsync(browser)).AddDays(7);
        var first = await BookingWizard.BookAsync(page, text, "Blood pressure check", after);
        await Expect(page.GetByTestId("confirm-not-yet")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirm-appointment")).ToHaveCountAsync(0);
        await Results.ScreenshotAsync(page, "windows-confirm-not-yet");
        var mailbox = await Mailbox.OpenAsync(browser);
        var mail = await mailbox.WaitForAsync(patient.Email, text.BookedMail);
        var cancelLink = mail.Links.Single(l => l.Contains("/appointments/email/cancel?t=", StringComparison.Ordinal));
        // The next free time, minutes later the same day: inside the window whenever the first one is.
        var second = await BookingWizard.BookAsync(page, text, "Blood test results", after);
        (second.StartUtc - first.StartUtc).ShouldBeLessThan(TimeSpan.FromHours(12));

        // 60 hours before the first: inside the 72-hour window, still outside the 48 hours.
        await PortalClock.MoveToAsync(browser, first.StartUtc.AddHours(-60));
        await OpenSignedInAsync(page, patient, first.DetailsPath);
        await Expect(page.GetByTestId("confirm-appointment")).ToHaveTextAsync(text.ConfirmAppointment);
        await Expect(page.GetByTestId("cancel-appointment")).ToHaveTextAsync(text.CancelAppointment);
        await Results.ScreenshotAsync(page, "windows-confirm-open");
        await page.GetByTestId("confirm-appointment").ClickAsync();
        await Expect(page.GetByTestId("done-confirmed")).ToHaveTextAsync(text.ConfirmedNotice);
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Confirmed);
        await Expect(page.GetByTestId("confirm-appointment")).ToHaveCountAsync(0);
        await Results.ScreenshotAsync(page, "windows-confirmed");

        // The reminder of the second one, opened without logging in: Confirm Appointment, then the clinic has it.
        await using var inbox = await chromium.NewBrowserAsync(locale, clinic.BaseAddress);
        var email = await inbox.NewPageAsync();
        await ConfirmFromTheReminderAsync(mailbox, email, patient, text);
        await page.GotoAsync(second.DetailsPath);
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Confirmed);

        // 24 hours before the first: the guide's explanation instead of the Cancel button.
        await PortalClock.MoveToAsync(browser, first.StartUtc.AddHours(-24));
        await OpenSignedInAsync(page, patient, first.DetailsPath);
        await Expect(page.GetByTestId("call-the-clinic")).ToContainTextAsync(text.CallTheClinic);
        await Expect(page.GetByTestId("call-the-clinic")).ToContainTextAsync("(555) 123-4321");
        await Expect(page.GetByTestId("cancel-appointment")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Confirmed);
        await Results.ScreenshotAsync(page, "windows-cancel-closed");

        // The booking email's cancel link, followed now: the same explanation, and nothing to click.
        await email.GotoAsync(cancelLink);
        await Expect(email.GetByTestId("call-the-clinic")).ToContainTextAsync(text.CallTheClinic);
        await Expect(email.GetByTestId("cancel-appointment")).ToHaveCountAsync(0);
        await Results.ScreenshotAsync(email, "windows-email-cancel-refused");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync(text.Confirmed);
    }

    /// <summary>
    /// Waits for a reminder whose Confirm Appointment link still offers the button (the first appointment may have been
    /// reminded too before the portal confirmed it: its link shows it confirmed, with nothing to press), and presses it.
    /// </summary>
    private static async Task ConfirmFromTheReminderAsync(Mailbox mailbox, IPage email, Patient patient, AppointmentText text)
    {
        var opened = new HashSet<string>();
        var deadline = DateTime.UtcNow + ReminderPatience;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var reminder in (await mailbox.ReadAsync(patient.Email)).Where(m => m.Subject.Contains(text.ReminderMail, StringComparison.Ordinal)))
            {
                reminder.Body.ShouldNotContain("Blood");
                var link = reminder.Links.Single(l => l.Contains("/appointments/email/confirm?t=", StringComparison.Ordinal));
                if (!opened.Add(link))
                {
                    continue;
                }

                await email.GotoAsync(link);
                await Expect(email.GetByTestId("page-title")).ToHaveTextAsync(text.ConfirmAppointment);
                if (await email.GetByTestId("confirm-appointment").CountAsync() == 0)
                {
                    continue;
                }

                await Results.ScreenshotAsync(email, "windows-email-confirm");
                await email.GetByTestId("confirm-appointment").ClickAsync();
                await Expect(email.GetByTestId("done-confirmed")).ToHaveTextAsync(text.ConfirmedNotice);
                await Expect(email.GetByTestId("confirm-appointment")).ToHaveCountAsync(0);
                await Results.ScreenshotAsync(email, "windows-email-confirmed");
                return;
            }

            await Task.Delay(2_000);
        }

        throw new TimeoutException($"No reminder with a Confirm Appointment link to press reached {patient.Email} in {ReminderPatience.TotalSeconds} s.");
    }

    /// <summary>Opens <paramref name="path"/>, signing in again if the clock's jump ended the session.</summary>
    private static async Task OpenSignedInAsync(IPage page, Patient patient, string path)
    {
        await page.GotoAsync(path);
        if (LoginPage.LoginUrl().IsMatch(page.Url))
        {
            await new LoginPage(page).SignInAsync(patient.Email, patient.Password);
            await page.GotoAsync(path);
        }

        await Expect(page.GetByTestId("appointment-details")).ToBeVisibleAsync();
    }
}

/// <summary>
/// A portal of its own for the appointment windows: the test moves its clock (forward only), and its reminder job runs
/// every minute (5 by default), so that the reminder of an appointment the clock brought inside 72 hours comes quickly.
/// </summary>
public sealed class RemindingClockPortal : IAsyncLifetime
{
    private PatientPortal.Testing.PortalFactory? _factory;

    public Uri BaseAddress => _factory!.ClientOptions.BaseAddress;

    public async Task InitializeAsync() =>
        _factory = await LocalPortal.StartAsync(new Dictionary<string, string?> { ["Appointments:ReminderIntervalMinutes"] = "1" });

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
