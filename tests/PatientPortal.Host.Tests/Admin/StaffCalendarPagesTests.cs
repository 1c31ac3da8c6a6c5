using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.Host.Tests.Accounts;
using PatientPortal.Host.DevMailbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Admin;

/// <summary>
/// The staff calendar (/admin/calendar*) over HTTP: staff only on the server (a patient gets 403 on every page and
/// post), antiforgery on every post, and the whole flow in both languages on the demo clinic: the week, booking a free
/// slot for a patient found by search, arrived and no-show (which the patient's history shows), and the clinic's
/// cancellation with "Are you sure?", whose email tells the patient without the staff note or the type of visit.
/// </summary>
public sealed class StaffCalendarPagesTests
{
    private static readonly string SomeId = Guid.CreateVersion7().ToString();
    private static readonly string Dr = DemoClinic.DrMedfarSolutionsId.ToString();

    /// <summary>Tuesday 3 March 2026, 8:50 in Montreal: Dr. Medfar Solutions' morning (8:00-12:00, every 20 minutes) is ahead.</summary>
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 3, 3, 13, 50, 0, TimeSpan.Zero);

    public static readonly string[] Pages =
    [
        "/admin/calendar",
        $"/admin/calendar?practitioner={Dr}&day=2026-03-03&view=week",
        $"/admin/calendar/book?practitioner={Dr}&site={SomeId}&start=2026-03-03T14:00:00Z&view=day",
        $"/admin/calendar/appointments/{SomeId}/cancel?practitioner={Dr}&day=2026-03-03&view=day",
    ];

    public static readonly string[] Posts =
    [
        $"/admin/calendar?handler=Attendance&appointmentId={SomeId}&arrived=true&practitioner={Dr}&day=2026-03-03&view=day",
        $"/admin/calendar/book?practitioner={Dr}&site={SomeId}&start=2026-03-03T14:00:00Z&view=day",
        $"/admin/calendar/book?handler=Search&practitioner={Dr}&site={SomeId}&start=2026-03-03T14:00:00Z&view=day",
        $"/admin/calendar/appointments/{SomeId}/cancel?practitioner={Dr}&day=2026-03-03&view=day",
    ];

    /// <summary>The demo admin past the second factor, on a portal whose clock is the test's (the code is the clock's).</summary>
    private static async Task<PortalClient> StaffAsync(PortalFactory portal, FakeTimeProvider clock, string language)
    {
        var staff = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        (await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var key = (await staff.GetAsync("/account/two-step/authenticator")).Text("authenticator-key").Replace(" ", "", StringComparison.Ordinal);
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(clock.GetUtcNow().UtcDateTime);
        var done = await Page.ParseAsync(await staff.PostFormAsync("/account/two-step/authenticator",
            new Dictionary<string, string> { ["Input.Code"] = code, ["Input.Password"] = PortalClient.DemoAdminPassword }));
        done.Document.QuerySelectorAll("[data-testid='recovery-code']").Length.ShouldBe(10);
        await staff.SwitchLanguageAsync(language);
        return staff;
    }

    private static string Href(Page page, string selector) => page.Document.QuerySelector(selector).ShouldNotBeNull(selector).GetAttribute("href")!;

    private static AngleSharp.Dom.IElement Row(Page page, string appointmentId) =>
        page.Document.QuerySelector($"[data-testid='calendar-appointment'][data-id='{appointmentId}']").ShouldNotBeNull(appointmentId);

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_and_patients_get_403_from_every_page_and_post()
    {
        await using var portal = await StartAsync();
        var patient = await StaffOnlyPages.ShouldSendAnonymousToLoginAndRefusePatientsAsync(portal, Pages, Posts, new Dictionary<string, string>
        {
            ["Input.Note"] = "x", ["Input.Name"] = "Milner", ["Input.ProfileId"] = DemoClinic.NathanMilnerProfileId.ToString(), ["Input.TypeId"] = SomeId,
        });

        // The home page's menu has no way in for a patient.
        (await patient.GetAsync("/")).Document.QuerySelector("[data-testid='admin-calendar']").ShouldBeNull();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var portal = await StartAsync(clock);
        var staff = await StaffAsync(portal, clock, "en");

        foreach (var url in Posts)
        {
            (await staff.PostWithoutTokenAsync(url, new Dictionary<string, string> { ["Input.Note"] = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
        }
    }

    [Theory]
    [InlineData("en", "Staff calendar", "Booked, not confirmed", "The appointment is booked.", "Are you sure you want to cancel the appointment?", "Cancelled")]
    [InlineData("fr", "Calendrier du personnel", "Pris, non confirmé", "Le rendez-vous est pris.", "Êtes-vous certain de vouloir annuler le rendez-vous?", "Annulé")]
    public async Task Staff_book_a_free_slot_for_a_patient_mark_attendance_and_cancel_and_the_patient_is_told_without_the_note(
        string language, string title, string booked, string bookedNotice, string areYouSure, string cancelled)
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var portal = await StartAsync(clock);
        var staff = await StaffAsync(portal, clock, language);

        // The calendar is in the admin menu; the week of the practitioner.
        var start = await staff.GetAsync("/admin/calendar");
        start.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        start.Text("page-title").ShouldBe(title);
        Href(start, "[data-testid='admin-calendar']").ShouldBe("/admin/calendar");
        var week = await staff.GetAsync($"/admin/calendar?practitioner={Dr}&day=2026-03-03&view=week");
        week.Document.QuerySelectorAll("[data-testid='calendar-day']").Length.ShouldBe(7);
        Href(week, "[data-testid='next']").ShouldContain("day=2026-03-10");

        // Book 9:00 today for Nathan: search, choose, confirm.
        var bookUrl = Href(week, "[data-testid='free-slot'][data-start='2026-03-03T14:00:00Z']");
        bookUrl.ShouldNotContain("type", Case.Insensitive);
        var search = await Page.ParseAsync(await staff.PostFormAsync(bookUrl, new Dictionary<string, string> { ["Input.Name"] = "Milner" },
            bookUrl.Replace("/admin/calendar/book?", "/admin/calendar/book?handler=Search&", StringComparison.Ordinal)));
        var choose = search.Document.QuerySelectorAll("[data-testid='choose-patient']").Select(a => a.GetAttribute("href")!)
            .Single(h => h.Contains(DemoClinic.NathanMilnerProfileId.ToString(), StringComparison.Ordinal));
        var confirm = await staff.GetAsync(choose);
        confirm.Text("chosen-patient").ShouldStartWith("Nathan Milner");
        var type = confirm.Document.QuerySelector("[data-testid='book-type'] option")!.GetAttribute("value")!;
        var done = await staff.FollowAsync(await staff.PostFormAsync(choose, new Dictionary<string, string>
        {
            ["Input.ProfileId"] = DemoClinic.NathanMilnerProfileId.ToString(), ["Input.TypeId"] = type, ["Input.Reason"] = "Genou douloureux",
        }, bookUrl));
        done.Text("notice").ShouldStartWith(bookedNotice);
        var row = done.Document.QuerySelectorAll("[data-day='2026-03-03'] [data-testid='calendar-appointment']")
            .Single(r => r.QuerySelector("[data-testid='calendar-patient']")!.TextContent.Trim() == "Nathan Milner" && r.TextContent.Contains(booked, StringComparison.Ordinal));
        var id = row.GetAttribute("data-id")!;
        row.QuerySelector("[data-testid='calendar-status']")!.ClassList.ShouldContain("neutral");
        (await MailToAsync(portal, clock, DemoClinic.HeatherMilnerEmail)).Subject.ShouldStartWith("Rendez-vous pris"); // the booking confirmation

        // The same slot again: taken, said in the page's language, nothing booked twice.
        var again = await Page.ParseAsync(await staff.PostFormAsync(choose, new Dictionary<string, string>
        {
            ["Input.ProfileId"] = DemoClinic.NathanMilnerProfileId.ToString(), ["Input.TypeId"] = type,
        }, bookUrl));
        FormErrors(again).ShouldNotBeEmpty();
        again.Document.QuerySelector("[data-testid='slot-gone']").ShouldNotBeNull();

        // Arrived (the same day, before the start), then, once started, corrected to a no-show.
        var today = $"/admin/calendar?practitioner={Dr}&day=2026-03-03&view=day";
        var attendance = $"/admin/calendar?handler=Attendance&appointmentId={id}&practitioner={Dr}&day=2026-03-03&view=day";
        var arrived = await staff.FollowAsync(await staff.PostFormAsync(today, new Dictionary<string, string>(), attendance + "&arrived=true"));
        Row(arrived, id).GetAttribute("data-status").ShouldBe("Arrived");
        Row(arrived, id).QuerySelector("[data-testid='calendar-status']")!.ClassList.ShouldContain("good");
        var early = await Page.ParseAsync(await staff.PostFormAsync(today, new Dictionary<string, string>(), attendance + "&arrived=false"));
        FormErrors(early).ShouldNotBeEmpty();
        // Cancel Nathan's Thursday appointment: "Are you sure?", a note for staff, then the patient is told.
        var thursday = await staff.GetAsync($"/admin/calendar?practitioner={Dr}&day=2026-03-05&view=day");
        var cancelRow = thursday.Document.QuerySelectorAll("[data-testid='calendar-appointment']")
            .First(r => r.QuerySelector("[data-testid='calendar-patient']")!.TextContent.Trim() == "Nathan Milner" && r.QuerySelector("[data-testid='cancel-appointment']") is not null);
        var cancelId = cancelRow.GetAttribute("data-id")!;
        var cancelUrl = cancelRow.QuerySelector("[data-testid='cancel-appointment']")!.GetAttribute("href")!;
        var sure = await staff.GetAsync(cancelUrl);
        sure.Text("page-title").ShouldBe(areYouSure);
        sure.Text("details-patient").ShouldBe("Nathan Milner");
        var refused = await Page.ParseAsync(await staff.PostFormAsync(cancelUrl, new Dictionary<string, string> { ["Input.Note"] = " " }));
        FormErrors(refused).ShouldNotBeEmpty();
        var afterCancel = await staff.FollowAsync(await staff.PostFormAsync(cancelUrl, new Dictionary<string, string> { ["Input.Note"] = "Médecin absent, genou" }));
        afterCancel.Text("notice").ShouldNotBeEmpty();
        Row(afterCancel, cancelId).QuerySelector("[data-testid='calendar-status']")!.TextContent.Trim().ShouldBe(cancelled);
        Row(afterCancel, cancelId).QuerySelector("[data-testid='calendar-status']")!.ClassList.ShouldContain("bad");
        Row(afterCancel, cancelId).QuerySelector("[data-testid='cancelled-note']")!.TextContent.ShouldContain("Médecin absent, genou");

        // Heather (French, the demo's default) is told; no note, no reason, no type of visit.
        EmlMessage? notice = null;
        for (var attempt = 0; attempt < 60 && notice is null; attempt++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
            notice = MailsTo(portal, DemoClinic.HeatherMilnerEmail).LastOrDefault(m => m.Subject.StartsWith("La clinique a annulé un rendez-vous", StringComparison.Ordinal));
        }

        notice.ShouldNotBeNull("no clinic cancellation notice: " + string.Join(" | ", Directory.Exists(portal.MailFolder)
            ? Directory.GetFiles(portal.MailFolder, "*.eml").Select(EmlMessage.Read).Select(m => $"{m.To}: {m.Subject}") : []));
        notice.TextBody.ShouldContain("jeudi 5 mars 2026");
        var raw = string.Join("\n", Directory.GetFiles(portal.MailFolder, "*.eml").Select(File.ReadAllText));
        foreach (var secret in new[] { "Médecin absent", "genou", "Genou", "Annual Visit", "Visite annuelle", "Annual check-up" })
        {
            raw.ShouldNotContain(secret);
        }

        clock.Advance(TimeSpan.FromMinutes(15));
        var missed = await staff.FollowAsync(await staff.PostFormAsync(today, new Dictionary<string, string>(), attendance + "&arrived=false"));
        Row(missed, id).GetAttribute("data-status").ShouldBe("NoShow");
        Row(missed, id).QuerySelector("[data-testid='cancel-appointment']").ShouldBeNull();

        // The patient's history shows the no-show, in words.
        var heather = Browser(portal);
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tab = await heather.GetAsync("/appointments");
        var history = tab.Document.QuerySelectorAll("[data-testid='history'] [data-testid='appointment-row']");
        history.ShouldContain(r => r.GetAttribute("data-status") == "NoShow" && r.QuerySelector($"a[href='/appointments/{id}']") != null);
    }
}
