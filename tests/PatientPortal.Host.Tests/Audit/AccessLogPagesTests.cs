using System.Globalization;
using System.Net;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Audit;

/// <summary>
/// "Who saw my file" over HTTP (issue 11, ADR 0019): the patient's page in both languages, fed by the modules' trail
/// through the outbox; a proxy without every permission refused; the staff log and the incident export (CSV, antiforgery);
/// patient accounts kept out of the admin side.
/// </summary>
public sealed class AccessLogPagesTests
{
    [Fact]
    public async Task The_patient_sees_who_opened_their_file_newest_first_in_English_and_in_French()
    {
        await using var portal = await StartAsync();
        var (_, heatherProfile) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();
        (await heather.GetAsync("/profile")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var staff = await SignedInStaffAsync(portal);
        (await staff.GetAsync($"/admin/patients/{heatherProfile}")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await LogAsync(heather, "/profile/access-log", p => Rows(p).Any(r => r.Who.StartsWith("Clinic staff:", StringComparison.Ordinal)));

        page.Language.ShouldBe("en-CA");
        page.Text("page-title").ShouldBe("Who saw my file");
        var rows = Rows(page);
        rows.ShouldContain(r => r.Who.StartsWith("Clinic staff:", StringComparison.Ordinal) && r.Who.EndsWith("(administrator)", StringComparison.Ordinal)
            && r.What.Contains("The patient's record at the clinic", StringComparison.Ordinal));
        rows.FindIndex(r => r.Who.StartsWith("Clinic staff:", StringComparison.Ordinal))
            .ShouldBeLessThan(rows.FindIndex(r => r.What.Contains("Account settings", StringComparison.Ordinal)), "newest first");
        rows.ShouldContain(r => r.Who == "The patient (Heather Milner)" && r.What.Contains("Account settings", StringComparison.Ordinal) && r.Outcome == "Opened");
        (await heather.GetAsync("/profile")).Document.QuerySelector("[data-testid='access-log-link']")!.GetAttribute("href").ShouldBe("/profile/access-log");

        await heather.SwitchLanguageAsync("fr");
        var french = await heather.GetAsync("/profile/access-log");
        french.Language.ShouldBe("fr-CA");
        french.Text("page-title").ShouldBe("Qui a consulté mon dossier");
        var frenchRows = Rows(french);
        frenchRows.ShouldContain(r => r.Who == "La personne elle-même (Heather Milner)" && r.What.Contains("Paramètres du compte", StringComparison.Ordinal) && r.Outcome == "Ouvert");
        frenchRows.ShouldContain(r => r.Who.StartsWith("Personnel de la clinique :", StringComparison.Ordinal) && r.Who.EndsWith("(administration)", StringComparison.Ordinal));
        french.Document.QuerySelector("thead")!.TextContent.Split(' ', '\n').Where(w => w.Length > 0).ShouldBe(["Quand", "Qui", "Quoi", "Résultat"]);
    }

    [Fact]
    public async Task A_proxy_sees_the_log_with_every_permission_and_gets_404_without()
    {
        await using var portal = await StartAsync();
        var (heatherAccount, _) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var partial = await AttachChildAsync(portal, heatherAccount, "Zoé", "Milner", new DateOnly(2018, 3, 4), "MILZ18030412", ProfileTabs.Appointments | ProfileTabs.Messages | ProfileTabs.Documents);
        var full = await AttachChildAsync(portal, heatherAccount, "Éli", "Milner", new DateOnly(2019, 5, 6), "MILE19050612");
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();

        (await heather.SwitchToAsync(partial)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await heather.GetAsync("/profile/access-log");
        var settings = await heather.GetAsync("/profile");
        (await heather.SwitchToAsync(full)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await heather.GetAsync("/appointments")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var allowed = await LogAsync(heather, "/profile/access-log", p => Rows(p).Any(r => r.What.Contains("The list of appointments", StringComparison.Ordinal)));

        refused.Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        refused.Document.QuerySelector("[data-testid='access-log']").ShouldBeNull();
        settings.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        settings.Document.QuerySelector("[data-testid='access-log-link']").ShouldBeNull();
        Rows(allowed).ShouldContain(r => r.Who == "Heather Milner, a person with access to this file" && r.Outcome == "Opened");
        Rows(allowed).ShouldAllBe(r => !r.Who.Contains("Zoé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_read_a_patients_log_and_export_a_window_as_csv_with_the_profiles_affected_and_the_post_needs_antiforgery()
    {
        await using var portal = await StartAsync();
        var (_, heatherProfile) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();
        (await heather.GetAsync("/profile")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var staff = await SignedInStaffAsync(portal);
        await staff.SwitchLanguageAsync("en");

        var log = await LogAsync(staff, $"/admin/patients/{heatherProfile}/access-log", p => Rows(p).Any(r => r.Who == "The patient (Heather Milner)"));
        // Staff reading the log is on the patient's own log in turn.
        var seen = await LogAsync(heather, "/profile/access-log", p => Rows(p).Any(r => r.What.Contains("The access log, at the clinic", StringComparison.Ordinal)));
        Rows(seen).ShouldContain(r => r.What.Contains("The access log, at the clinic", StringComparison.Ordinal) && r.Who.StartsWith("Clinic staff:", StringComparison.Ordinal));
        (await staff.GetAsync($"/admin/patients/{heatherProfile}")).Document.QuerySelector("[data-testid='patient-access-log']")!
            .GetAttribute("href").ShouldBe($"/admin/patients/{heatherProfile}/access-log");
        var montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, montreal);
        var window = new Dictionary<string, string> { ["Input.From"] = Local(now.AddHours(-1)), ["Input.To"] = Local(now.AddHours(1)) };
        var export = await staff.PostFormAsync("/admin/access-log", window);
        var csv = await export.Content.ReadAsStringAsync();
        var earlier = await staff.PostFormAsync("/admin/access-log", new Dictionary<string, string> { ["Input.From"] = Local(now.AddDays(-3)), ["Input.To"] = Local(now.AddDays(-2)) });
        var earlierCsv = await earlier.Content.ReadAsStringAsync();
        var backwards = await staff.FollowAsync(await staff.PostFormAsync("/admin/access-log", new Dictionary<string, string> { ["Input.From"] = Local(now), ["Input.To"] = Local(now.AddHours(-1)) }));
        var farAway = await staff.FollowAsync(await staff.PostFormAsync("/admin/access-log", new Dictionary<string, string> { ["Input.From"] = "0001-01-01T00:00", ["Input.To"] = Local(now) }));
        using var forged = new FormUrlEncodedContent(window);
        var withoutToken = await staff.Http.PostAsync("/admin/access-log", forged);

        log.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        export.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var lines = csv.Split("\r\n");
        lines[0].TrimStart('\uFEFF').ShouldBe("section,read_utc,read_clinic_time,profile_id,reader_account_id,reader_role,reader_name,staff_role,kind,what,object_id,outcome");
        lines.ShouldContain(l => l.StartsWith("access,", StringComparison.Ordinal) && l.Contains($",{heatherProfile},", StringComparison.Ordinal)
            && l.Contains(",Self,,,page,settings,,allowed", StringComparison.Ordinal));
        csv.ShouldNotContain("Heather Milner"); // patients and proxies by account id only (ADR 0019)
        lines.ShouldContain("section,profile_id,accesses,refused,first_utc,last_utc");
        lines.ShouldContain(l => l.StartsWith($"profile,{heatherProfile},", StringComparison.Ordinal));
        csv.ShouldNotContain("MILH89542712"); // no health card, nor anything else of the file
        earlier.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await earlier.Content.ReadAsStringAsync()).Split("\r\n").ShouldNotContain(l => l.StartsWith("access,", StringComparison.Ordinal) || l.StartsWith("profile,", StringComparison.Ordinal));
        earlierCsv.ShouldContain("section,profile_id");
        backwards.Text("form-errors").ShouldBe("Choose an end after the start, at most 800 days later.");
        farAway.Text("form-errors").ShouldBe("Choose an end after the start, at most 800 days later.");
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_patient_account_reaches_neither_the_staff_log_nor_the_export()
    {
        await using var portal = await StartAsync();
        var (_, heatherProfile) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();
        var exportPage = await heather.GetAsync("/admin/access-log");

        var log = await heather.Http.GetAsync($"/admin/patients/{heatherProfile}/access-log");
        var form = await heather.GetAsync("/profile"); // a page of hers, for a valid antiforgery token
        using var post = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken, ["Input.From"] = "2026-01-01T00:00", ["Input.To"] = "2030-01-01T00:00",
        });
        var export = await heather.Http.PostAsync("/admin/access-log", post);

        foreach (var response in new[] { exportPage.Response, log, export })
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect);
            response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/csv");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                response.Headers.Location!.ToString().ShouldNotStartWith("/admin");
            }
        }
    }

    private static string Local(DateTimeOffset clinicTime) => clinicTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private sealed record Row(string Who, string What, string Outcome);

    private static List<Row> Rows(Page page) =>
        [.. page.Document.QuerySelectorAll("[data-testid='access-row']").Select(r => new Row(
            r.QuerySelector("[data-testid='access-who']")!.TextContent.Trim(),
            string.Join(' ', r.QuerySelector("[data-testid='access-what']")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)),
            r.QuerySelector("[data-testid='access-outcome']")!.TextContent.Trim()))];

    /// <summary>The log once the outbox (every second here) has delivered what the test waits for.</summary>
    private static async Task<Page> LogAsync(PortalClient client, string url, Func<Page, bool> ready)
    {
        Page page = null!;
        for (var attempt = 0; attempt < 75; attempt++)
        {
            page = await client.GetAsync(url);
            if (page.Response.StatusCode == HttpStatusCode.OK && ready(page))
            {
                return page;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{url} never showed the expected access: {page.Response.StatusCode} {page.Document.Body?.TextContent}");
    }
}
