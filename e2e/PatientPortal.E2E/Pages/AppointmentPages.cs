using System.Globalization;
using System.Text.RegularExpressions;

namespace PatientPortal.E2E.Pages;

/// <summary>What the appointment pages and emails say in one language (SharedResource*.resx, Appointments/Emails/*.txt).</summary>
internal sealed record AppointmentText(
    string Book,
    string Emergency,
    string Questionnaire,
    string ConfirmAppointment,
    string CancelAppointment,
    string Morning,
    string Afternoon,
    string NoAvailability,
    string BookedNotice,
    string ConfirmedNotice,
    string CancelledNotice,
    string Booked,
    string Confirmed,
    string Cancelled,
    string CallTheClinic,
    string AreYouSure,
    string BookedMail,
    string CancelledMail,
    string ReminderMail)
{
    public static readonly AppointmentText French = new(
        Book: "Prendre un rendez-vous",
        Emergency: "Rendez-vous d'urgence",
        Questionnaire: "Questionnaire",
        ConfirmAppointment: "Confirmer le rendez-vous",
        CancelAppointment: "Annuler le rendez-vous",
        Morning: "Matin",
        Afternoon: "Après-midi",
        NoAvailability: "Aucune disponibilité",
        BookedNotice: "Votre rendez-vous est pris.",
        ConfirmedNotice: "Votre confirmation a été envoyée à la clinique.",
        CancelledNotice: "Le rendez-vous est annulé.",
        Booked: "Pris, non confirmé",
        Confirmed: "Confirmé",
        Cancelled: "Annulé",
        CallTheClinic: "Les rendez-vous peuvent être annulés en ligne jusqu'à 48 heures avant leur date.",
        AreYouSure: "Êtes-vous certain de vouloir annuler le rendez-vous?",
        BookedMail: "Rendez-vous pris",
        CancelledMail: "Rendez-vous annulé",
        ReminderMail: "Veuillez confirmer votre rendez-vous");

    public static readonly AppointmentText English = new(
        Book: "Book an appointment",
        Emergency: "Emergency appointment",
        Questionnaire: "Questionnaire",
        ConfirmAppointment: "Confirm Appointment",
        CancelAppointment: "Cancel Appointment",
        Morning: "Morning",
        Afternoon: "Afternoon",
        NoAvailability: "No Availability",
        BookedNotice: "Your appointment is booked.",
        ConfirmedNotice: "Your confirmation was sent to the clinic.",
        CancelledNotice: "The appointment is cancelled.",
        Booked: "Booked, not confirmed",
        Confirmed: "Confirmed",
        Cancelled: "Cancelled",
        CallTheClinic: "Appointments can be cancelled online up to 48 hours before their time.",
        AreYouSure: "Are you sure you want to cancel the appointment?",
        BookedMail: "Appointment booked",
        CancelledMail: "Appointment cancelled",
        ReminderMail: "Please confirm your appointment");

    /// <summary>"fr-CA"/"en-CA" or "fr"/"en".</summary>
    public static AppointmentText For(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;
}

/// <summary>An appointment the wizard booked: its id (from the details page's address) and its start, read from the slot chosen.</summary>
internal sealed record BookedAppointment(Guid Id, DateTimeOffset StartUtc)
{
    public string DetailsPath => $"/appointments/{Id}";
}

/// <summary>
/// The booking wizard (/appointments/book, Pages/Appointments/Book.cshtml), a step at a time, taking the first choice of
/// each list as a patient in a hurry would. Screenshots are named "&lt;prefix&gt;-&lt;step&gt;-&lt;fr|en&gt;.png" when a prefix is given.
/// </summary>
internal sealed partial class BookingWizard(IPage page, string? screenshots = null)
{
    public IPage Page { get; } = page;

    public ILocator Grid => Page.GetByTestId("availability-grid");

    public ILocator Breadcrumb => Page.GetByTestId("breadcrumb");

    /// <summary>
    /// Registers and activates <paramref name="patient"/> and waits on the APPOINTMENTS tab until Profiles has given the
    /// new account its own profile (through the outbox, a second or so after activation): until then the tab says the
    /// profile is not ready and offers no booking.
    /// </summary>
    public static async Task<IPage> RegisterPatientAsync(IBrowserContext browser, Patient patient)
    {
        IPage page;
        try
        {
            page = (await Journeys.RegisterAndActivateAsync(browser, patient)).Page;
        }
        catch
        {
            // Leave what the browser showed (page and HTML) beside the screenshots: a registration that does not go
            // through says why only there.
            foreach (var (open, i) in browser.Pages.Select((p, i) => (p, i)))
            {
                await open.ScreenshotAsync(new() { Path = Results.Screenshot($"debug-register-{patient.Language}-{i}.png"), FullPage = true });
                await File.WriteAllTextAsync(Results.Screenshot($"debug-register-{patient.Language}-{i}.html"), await open.ContentAsync());
            }

            throw;
        }

        var book = page.GetByTestId("book-appointment");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.GotoAsync("/appointments");
            if (await book.CountAsync() > 0)
            {
                return page;
            }

            await Task.Delay(500);
        }

        await Expect(book).ToBeVisibleAsync();
        return page;
    }

    /// <summary>From the APPOINTMENTS tab: Book an appointment, or Emergency appointment.</summary>
    public static async Task<BookingWizard> OpenAsync(IPage page, bool emergency, string? screenshots = null)
    {
        await page.GotoAsync("/appointments");
        await page.GetByTestId(emergency ? "emergency-appointment" : "book-appointment").ClickAsync();
        return new BookingWizard(page, screenshots);
    }

    /// <summary>The first choice of each list step, up to the questionnaire.</summary>
    public async Task ChooseFirstAsync(params string[] steps)
    {
        foreach (var step in steps)
        {
            await Expect(Page.GetByTestId($"step-{step}")).ToBeVisibleAsync();
            await ShotAsync(step);
            await Page.GetByTestId("choice").First.ClickAsync();
        }
    }

    /// <summary>The questionnaire: "Anytime after" <paramref name="after"/> (or "As soon as possible"), the reason, Continue.</summary>
    public async Task AnswerAsync(string reason, DateOnly? after = null)
    {
        await Expect(Page.GetByTestId("step-questionnaire")).ToBeVisibleAsync();
        if (after is { } day)
        {
            await Page.GetByTestId("when-after").CheckAsync();
            await Page.GetByTestId("after-date").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await Page.GetByTestId("reason").FillAsync(reason);
        await Expect(Page.GetByTestId("reason-counter")).ToHaveTextAsync($"{reason.Length} / 140");
        await ShotAsync("questionnaire");
        await Page.GetByTestId("see-availabilities").ClickAsync();
        await Expect(Grid).ToBeVisibleAsync();
    }

    /// <summary>Chooses the grid's first free slot and returns its start (the slot's value is "practitioner_utcTicks").</summary>
    public async Task<DateTimeOffset> PickFirstSlotAsync()
    {
        await ShotAsync("availabilities");
        var slot = Page.GetByTestId("slot").First;
        var value = await slot.GetAttributeAsync("value") ?? "";
        var ticks = long.Parse(value.Split('_')[1], CultureInfo.InvariantCulture);
        await slot.ClickAsync();
        await Expect(Page.GetByTestId("confirm-booking")).ToBeVisibleAsync();
        await ShotAsync("confirm");
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Confirm Appointment: the details page with "Your appointment is booked."</summary>
    public async Task<BookedAppointment> ConfirmAsync(DateTimeOffset start, AppointmentText text)
    {
        await Page.GetByTestId("confirm-booking").ClickAsync();
        await Expect(Page.GetByTestId("booked")).ToHaveTextAsync(text.BookedNotice);
        await ShotAsync("booked");
        return new BookedAppointment(Guid.Parse(DetailsAddress().Match(Page.Url).Groups[1].Value), start);
    }

    /// <summary>The whole wizard with the first choices: a routine appointment from <paramref name="after"/> on, or an emergency one as soon as possible.</summary>
    public static async Task<BookedAppointment> BookAsync(IPage page, AppointmentText text, string reason, DateOnly? after = null, bool emergency = false, string? screenshots = null)
    {
        var wizard = await OpenAsync(page, emergency, screenshots);
        await wizard.ChooseFirstAsync(emergency ? ["site", "type"] : ["specialty", "practitioner", "site", "type"]);
        await wizard.AnswerAsync(reason, after);
        var start = await wizard.PickFirstSlotAsync();
        return await wizard.ConfirmAsync(start, text);
    }

    private Task ShotAsync(string step) => screenshots is null ? Task.CompletedTask : Results.ScreenshotAsync(Page, $"{screenshots}-{step}");

    [GeneratedRegex("/appointments/([0-9a-f-]{36})")]
    private static partial Regex DetailsAddress();
}

/// <summary>The portal's clock, as the test-only hook tells and moves it (Infrastructure/TestClockHook.cs).</summary>
internal static class PortalClock
{
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    public static async Task<DateTimeOffset> NowAsync(IBrowserContext browser)
    {
        var response = await browser.APIRequest.GetAsync("/testing/clock");
        response.Ok.ShouldBeTrue();
        return (await response.JsonAsync())!.Value.GetProperty("utcNow").GetDateTimeOffset();
    }

    /// <summary>"Today" in the clinic's time zone.</summary>
    public static async Task<DateOnly> TodayAsync(IBrowserContext browser) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(await NowAsync(browser), Montreal).DateTime);

    /// <summary>Moves the portal's clock forward to <paramref name="instant"/> (it never goes back).</summary>
    public static async Task MoveToAsync(IBrowserContext browser, DateTimeOffset instant)
    {
        var to = Uri.EscapeDataString(instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var moved = await browser.APIRequest.PostAsync($"/testing/clock?to={to}", new() { Headers = new Dictionary<string, string> { ["X-Test-Clock"] = "move" } });
        moved.Ok.ShouldBeTrue(await moved.TextAsync());
    }
}
