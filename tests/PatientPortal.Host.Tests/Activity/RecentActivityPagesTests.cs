using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Activity;

/// <summary>
/// Recent activity, the right-hand column (ADR 0018), over HTTP on the demo clinic: a booking made through the wizard
/// shows as a line once the outbox has run, in the reader's language with the time in the clinic's zone, linking to the
/// appointment and never naming the reason; the demo clinic's seeded history shows there too; a proxy whose link lacks
/// Messages sees no message line.
/// </summary>
public sealed class RecentActivityPagesTests
{
    private const string Reason = "Sore throat and fever since Tuesday";

    /// <summary>Walks the booking wizard for the selected profile (Nathan) to its end; the slot's instant and the details' address.</summary>
    private static async Task<(DateTimeOffset Start, string Details)> BookAsync(PortalClient heather)
    {
        var url = "/appointments/book";
        foreach (var step in new[] { "specialty", "practitioner", "site", "type" })
        {
            var page = await heather.GetAsync(url);
            page.Document.QuerySelector($"[data-testid='step-{step}']").ShouldNotBeNull(url);
            url = page.Document.QuerySelector("[data-testid='choice']")!.GetAttribute("href")!;
        }

        var questionnaire = url;
        var grid = await Page.ParseAsync(await heather.PostFormAsync(questionnaire,
            new Dictionary<string, string> { ["Input.When"] = "asap", ["Input.Reason"] = Reason }, questionnaire + "&handler=Availabilities"));
        var slot = grid.Document.QuerySelector("[data-testid='slot']")!.GetAttribute("value")!;
        var booked = await heather.PostFormAsync(questionnaire, new Dictionary<string, string>
        {
            ["Input.Reason"] = Reason, ["Input.Slot"] = slot, ["Input.For"] = DemoClinic.NathanMilnerProfileId.ToString(),
        }, questionnaire + "&handler=Book");
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var start = new DateTimeOffset(long.Parse(slot.Split('_')[1], CultureInfo.InvariantCulture), TimeSpan.Zero);
        return (start, booked.Headers.Location!.ToString().Split('?')[0]);
    }

    /// <summary>
    /// The page once the outbox has delivered (PortalFactory runs it every second): waits for a line of that kind (linking
    /// to <paramref name="href"/> when given: the demo clinic's history has lines of every kind too).
    /// </summary>
    private static async Task<Page> WaitForLineAsync(PortalClient client, string url, string kind, Func<Task<HttpResponseMessage>>? send = null, string? href = null)
    {
        var selector = $"[data-testid='activity-line'][data-kind='{kind}']" + (href is null ? "" : $"[href='{href}']");
        for (var attempt = 0; ; attempt++)
        {
            var page = send is null ? await client.GetAsync(url) : await Page.ParseAsync(await send());
            if (page.Document.QuerySelector(selector) is not null || attempt == 60)
            {
                return page;
            }

            await Task.Delay(250);
        }
    }

    private static string InClinicTime(PortalFactory portal, DateTimeOffset instant, string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return portal.Services.GetRequiredService<ClinicFormat>().DateTime(instant);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task A_booking_through_the_portal_shows_in_the_column_in_english_and_french_with_a_link_to_it()
    {
        var portal = await StartAsync();
        await using var _ = portal;
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (start, details) = await BookAsync(heather);
        var page = await WaitForLineAsync(heather, "/", "AppointmentBooked", href: details);

        // The newest line: the booking just made, above the demo clinic's history.
        var line = page.Document.QuerySelector("aside.activity [data-testid='activity-line']").ShouldNotBeNull();
        line.GetAttribute("data-kind").ShouldBe("AppointmentBooked");
        line.GetAttribute("href").ShouldBe(details);
        line.QuerySelector(".activity-text")!.TextContent.ShouldBe($"Appointment booked for {InClinicTime(portal, start, "en-CA")}");
        line.QuerySelector("time")!.GetAttribute("datetime").ShouldNotBeNullOrEmpty();
        page.Document.QuerySelector("aside.activity")!.TextContent.ShouldNotContain("Sore");
        page.Document.QuerySelector("[data-testid='activity-empty']").ShouldBeNull();
        // Every signed-in page has the column.
        (await heather.GetAsync("/appointments")).Document.QuerySelector($"aside.activity [data-kind='AppointmentBooked'][href='{details}']").ShouldNotBeNull();

        await heather.SwitchLanguageAsync("fr");
        var french = await heather.GetAsync("/");
        french.Document.QuerySelector($"aside.activity [data-kind='AppointmentBooked'][href='{details}'] .activity-text")!.TextContent
            .ShouldBe($"Rendez-vous réservé pour le {InClinicTime(portal, start, "fr-CA")}");
        french.Document.QuerySelector("#activity-title")!.TextContent.ShouldBe("Activité récente");

        // Heather's own profile has no line of Nathan's; her change of password shows there, and not on Nathan's.
        var (_, heatherOwn) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        (await heather.SwitchToAsync(heatherOwn)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await heather.GetAsync("/")).Document.QuerySelector("aside.activity [data-kind='AppointmentBooked']").ShouldBeNull();
        await heather.SwitchLanguageAsync("en");
        var changed = await heather.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = PortalClient.DemoPatientPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        (await Page.ParseAsync(changed)).Text("password-changed").ShouldNotBeEmpty();
        var own = await WaitForLineAsync(heather, "/", "PasswordChanged");
        var password = own.Document.QuerySelector("aside.activity [data-kind='PasswordChanged']").ShouldNotBeNull();
        password.GetAttribute("href").ShouldBe("/account/password");
        password.QuerySelector(".activity-text")!.TextContent.ShouldBe("Password changed");
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await heather.GetAsync("/")).Document.QuerySelector("aside.activity [data-kind='PasswordChanged']").ShouldBeNull();
    }

    [Fact]
    public async Task The_demo_clinic_s_recent_history_shows_in_the_column_newest_first()
    {
        var portal = await StartAsync();
        await using var _ = portal;
        var heather = await Inbox.InboxPortal.HeatherForNathanAsync(portal);

        // The seeded bookings, cancellation and communications were published as events with their own times; each
        // module's outbox is delivered in its turn: the page is read again until the newest eight lines are all in.
        string[] kinds = ["AppointmentCancelled", "AppointmentBooked", "NewMessage", "NewDocument", "NewBill"];
        var page = await heather.GetAsync("/");
        for (var attempt = 0; attempt < 60 && kinds.Any(k => page.Document.QuerySelector($"aside.activity [data-kind='{k}']") is null); attempt++)
        {
            await Task.Delay(250);
            page = await heather.GetAsync("/");
        }

        var lines = page.Document.QuerySelectorAll("aside.activity [data-testid='activity-line']");
        lines.Select(l => l.GetAttribute("data-kind")).ShouldBeSubsetOf(kinds);
        lines.Select(l => l.GetAttribute("data-kind")).Distinct().Count().ShouldBe(kinds.Length);
        var times = lines.Select(l => DateTimeOffset.Parse(l.QuerySelector("time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture)).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
        times.ShouldAllBe(t => t < portal.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        // Each line opens what it describes, on Nathan's own pages.
        foreach (var href in lines.Select(l => l.GetAttribute("href")!).Distinct())
        {
            (await heather.GetAsync(href)).Response.StatusCode.ShouldBe(HttpStatusCode.OK, href);
        }
    }

    [Fact]
    public async Task A_proxy_whose_link_lacks_messages_sees_no_message_line()
    {
        var portal = await StartAsync();
        await using var _ = portal;
        var (heatherAccount, _) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var zoe = await AttachChildAsync(portal, heatherAccount, "Zoé", "Milner", new DateOnly(2015, 5, 5), "MILZ15050512", ProfileTabs.Documents);
        var staff = await SignedInStaffAsync(portal);
        await Inbox.InboxPortal.ComposeAsync(staff, zoe, "Message", "Your test results", file: null);
        await Inbox.InboxPortal.ComposeAsync(staff, zoe, "Document", "Referral letter", file: ("letter.pdf", Inbox.InboxPortal.Pdf()));
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();

        var page = await WaitForLineAsync(heather, "/", "NewDocument", () => heather.SendWithSelectionAsync(HttpMethod.Get, "/", zoe));

        page.Document.QuerySelectorAll("aside.activity [data-testid='activity-line']").Select(l => l.GetAttribute("data-kind")).ShouldBe(["NewDocument"]);
        page.Document.QuerySelector("aside.activity .activity-text")!.TextContent.ShouldBe("New document");
        page.Document.QuerySelector("aside.activity")!.TextContent.ShouldNotContain("Referral");
        page.Document.QuerySelector("aside.activity a")!.GetAttribute("href").ShouldStartWith("/inbox/");
    }
}
