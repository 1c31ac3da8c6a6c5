using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.Host.DevMailbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Appointments;

/// <summary>
/// The reminder's Confirm Appointment link (the guide's "from your email"), opened without logging in: an appointment
/// booked inside the 72-hour window is reminded by the job, whose email carries the link; GET shows the appointment and
/// the button and changes nothing (mail scanners follow links); the POST needs the antiforgery token and confirms; the
/// portal then says Confirmed; once the appointment is cancelled, the link is dead. And the wizard's breadcrumb: going
/// back to the questionnaire keeps the reason, by POST, never in a link.
/// </summary>
public sealed class EmailConfirmLinkTests
{
    // Monday 7 December 2026, 07:00 in Montreal: the demo clinic is seeded from this day on.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private const string Reason = "Dizzy spells when standing up";

    [Theory]
    [InlineData("en", "Please confirm your appointment", "Confirm Appointment", "Your confirmation was sent to the clinic.", "Confirmed")]
    [InlineData("fr", "Veuillez confirmer votre rendez-vous", "Confirmer le rendez-vous", "Votre confirmation a été envoyée à la clinique.", "Confirmé")]
    public async Task The_reminders_confirm_link_asks_confirms_on_the_post_only_and_is_dead_once_cancelled(
        string language, string subject, string title, string done, string confirmed)
    {
        var clock = new FakeTimeProvider(Monday);
        await using var portal = await StartAsync(clock, new Dictionary<string, string?> { ["Appointments:ReminderIntervalMinutes"] = "1" });
        var heather = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync(language);
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Wednesday, about 50 hours ahead: the confirm window (72 h) is open, cancelling online (until 48 h) too.
        var appointment = await BookAsync(heather, new DateOnly(2026, 12, 9));
        var reminder = await ReminderAsync(portal, clock, subject);
        reminder.TextBody.ShouldNotContain(Reason);
        var link = new Uri(reminder.Links.Single(l => l.Contains("/appointments/email/confirm?t=", StringComparison.Ordinal))).PathAndQuery;
        var token = Uri.UnescapeDataString(link.Split("t=")[1]);
        var stranger = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        await stranger.SwitchLanguageAsync(language);

        var page = await stranger.GetAsync(link);
        var again = await stranger.GetAsync(link);

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Text("page-title").ShouldBe(title);
        page.Text("details-practitioner").ShouldNotBeEmpty();
        page.Text("confirm-appointment").ShouldBe(title);
        page.Document.Body!.TextContent.ShouldNotContain(Reason);
        again.Document.QuerySelector("[data-testid='confirm-appointment']").ShouldNotBeNull(); // GET changed nothing
        (await heather.GetAsync(appointment)).Document.QuerySelector("[data-testid='confirm-appointment']").ShouldNotBeNull();

        (await stranger.PostWithoutTokenAsync(link, new Dictionary<string, string> { ["t"] = token })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await heather.GetAsync(appointment)).Document.QuerySelector("[data-testid='confirm-appointment']").ShouldNotBeNull();

        var confirmedPage = await Page.ParseAsync(await stranger.PostFormAsync(link, new Dictionary<string, string> { ["t"] = token }));
        confirmedPage.Text("done-confirmed").ShouldBe(done);
        confirmedPage.Document.QuerySelector("[data-testid='confirm-appointment']").ShouldBeNull();
        var details = await heather.GetAsync(appointment);
        details.Text("appointment-status").ShouldBe(confirmed);
        details.Document.QuerySelector("[data-testid='confirm-appointment']").ShouldBeNull();
        // Opened again, the link shows the appointment without a button to press twice.
        (await stranger.GetAsync(link)).Document.QuerySelector("[data-testid='confirm-appointment']").ShouldBeNull();

        // Cancelled from the portal (still more than 48 hours ahead): the reminder's link no longer opens it.
        (await heather.PostFormAsync(appointment, new Dictionary<string, string>(), appointment + "?handler=Cancel")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dead = await stranger.GetAsync(link);
        dead.Document.QuerySelector("[data-testid='link-error']").ShouldNotBeNull();
        dead.Document.QuerySelector("[data-testid='appointment-details']").ShouldBeNull();
        dead.Document.QuerySelector("[data-testid='confirm-appointment']").ShouldBeNull();
    }

    [Fact]
    public async Task The_breadcrumbs_questionnaire_posts_the_reason_back_and_the_form_shows_it_again()
    {
        await using var portal = await StartAsync();
        var heather = Browser(portal, "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync("en");
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var questionnaire = await QuestionnaireAsync(heather);
        var after = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var form = new Dictionary<string, string> { ["Input.When"] = "after", ["Input.After"] = after, ["Input.Reason"] = Reason };
        var grid = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, form, questionnaire + "&handler=Availabilities"));

        // The grid's Questionnaire crumb is a form posting the answers back (a link would lose the reason, or carry it in the URL).
        var crumb = grid.Document.QuerySelector("form[action*='handler=Questionnaire']")!;
        crumb.QuerySelector("input[name='Input.Reason']")!.GetAttribute("value").ShouldBe(Reason);
        crumb.GetAttribute("method").ShouldBe("post");
        grid.Document.QuerySelectorAll("[data-testid='breadcrumb'] a").Select(a => a.GetAttribute("href")).ShouldAllBe(href => !href!.Contains("Dizzy"));
        var back = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, form, questionnaire + "&handler=Questionnaire"));

        back.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        back.Document.QuerySelector("[data-testid='step-questionnaire']").ShouldNotBeNull();
        back.Text("reason").ShouldBe(Reason);
        back.Text("reason-counter").ShouldBe($"{Reason.Length} / 140");
        back.Document.QuerySelector("[data-testid='when-after']")!.HasAttribute("checked").ShouldBeTrue();
        back.Document.QuerySelector("[data-testid='after-date']")!.GetAttribute("value").ShouldBe(after);
        // Without the antiforgery token, nothing.
        (await heather.PostWithoutTokenAsync(questionnaire + "&handler=Questionnaire", form)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<string> QuestionnaireAsync(PortalClient heather)
    {
        var url = "/appointments/book";
        foreach (var _ in Enumerable.Range(0, 4))
        {
            url = (await heather.GetAsync(url)).Document.QuerySelector("[data-testid='choice']")!.GetAttribute("href")!;
        }

        return url;
    }

    /// <summary>Books the first slot from <paramref name="after"/> on through the wizard; returns the details page's path.</summary>
    private static async Task<string> BookAsync(PortalClient heather, DateOnly after)
    {
        var questionnaire = await QuestionnaireAsync(heather);
        var grid = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, new Dictionary<string, string>
        {
            ["Input.When"] = "after", ["Input.After"] = after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Reason"] = Reason,
        }, questionnaire + "&handler=Availabilities"));
        var slot = grid.Document.QuerySelector("[data-testid='slot']")!.GetAttribute("value")!;
        var booked = await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.Reason"] = Reason, ["Input.Slot"] = slot, ["Input.For"] = DemoClinic.NathanMilnerProfileId.ToString() }, questionnaire + "&handler=Book");
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return booked.Headers.Location!.ToString().Split('?')[0];
    }

    /// <summary>
    /// Moves the fake clock on (5 s at a time: the reminder job runs every minute here, the mail job every second) until
    /// the reminder reaches Heather.
    /// </summary>
    private static async Task<EmlMessage> ReminderAsync(PortalFactory portal, FakeTimeProvider clock, string subject)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
            if (MailsTo(portal, DemoClinic.HeatherMilnerEmail).LastOrDefault(m => m.Subject.StartsWith(subject, StringComparison.Ordinal)) is { } reminder)
            {
                return reminder;
            }
        }

        throw new TimeoutException($"No '{subject}' mail reached {DemoClinic.HeatherMilnerEmail}.");
    }
}
