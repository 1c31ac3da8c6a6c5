using System.Net;
using PatientPortal.Host.Tests.Accounts;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Profiles;

/// <summary>
/// security.md B13 and B14 on the profile pages: another family's ids in the selection cookie, in the switch, in the
/// settings forms and in the download link are refused with nothing of their record in the body, the refusal on the
/// read trail; extra form fields change nothing.
/// </summary>
public sealed class ProfileAccessControlTests
{
    private const string OtherEmail = "marc.tremblay@example.com";

    private sealed record Families(PortalFactory Portal, PortalClient Heather, Guid HeatherAccount, Guid HeatherProfile, Guid Nathan, Guid OtherAccount, Guid OtherProfile, Guid Lea);

    private static async Task<Families> TwoFamiliesAsync(ProfileTabs nathanTabs = ProfileTabs.All)
    {
        var portal = await StartAsync();
        var (heatherAccount, heatherProfile) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var nathan = await AttachChildAsync(portal, heatherAccount, "Nathan", "Milner", new DateOnly(2017, 2, 18), "MILN17021812", nathanTabs);
        var other = Browser(portal);
        await other.RegisterAndActivateAsync(portal, OtherEmail, Password);
        var (otherAccount, otherProfile) = await OwnProfileAsync(portal, OtherEmail);
        var lea = await AttachChildAsync(portal, otherAccount, "Léa", "Tremblay", new DateOnly(2016, 6, 1), "TREL16060112");
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();
        return new Families(portal, heather, heatherAccount, heatherProfile, nathan, otherAccount, otherProfile, lea);
    }

    [Fact]
    public async Task Another_familys_ids_are_refused_everywhere_with_nothing_of_their_record_and_each_refusal_is_on_the_trail()
    {
        var f = await TwoFamiliesAsync();
        await using var portal = f.Portal;
        var leaBefore = await RecordAsync(portal, f.Lea);

        foreach (var theirs in new[] { f.Lea, f.OtherProfile, Guid.CreateVersion7() })
        {
            var responses = new Dictionary<string, HttpResponseMessage>
            {
                ["switch"] = await f.Heather.SwitchToAsync(theirs),
                ["settings"] = await f.Heather.SendWithSelectionAsync(HttpMethod.Get, "/profile", theirs),
                ["export"] = await f.Heather.SendWithSelectionAsync(HttpMethod.Get, "/profile/export", theirs),
                ["personal"] = await f.Heather.SendWithSelectionAsync(HttpMethod.Post, "/profile?handler=Personal", theirs, PersonalForm("Hacked")),
                ["notifications"] = await f.Heather.SendWithSelectionAsync(HttpMethod.Post, "/profile?handler=Notifications", theirs,
                    new Dictionary<string, string> { ["Notify.AppointmentEmails"] = "false", ["Notify.Reminders"] = "false", ["Notify.NewCommunicationEmails"] = "false" }),
                ["tab"] = await f.Heather.SendWithSelectionAsync(HttpMethod.Get, "/appointments", theirs),
            };

            foreach (var (what, response) in responses)
            {
                IsRefused(response).ShouldBeTrue($"{what} with {theirs}: HTTP {(int)response.StatusCode}");
                var body = await BodyAsync(response);
                body.ShouldNotContain("Tremblay", Case.Insensitive, what);
                body.ShouldNotContain("TREL", Case.Insensitive, what);
                body.ShouldNotContain("Léa", Case.Insensitive, what);
                response.Headers.TryGetValues("Set-Cookie", out var cookies);
                (cookies ?? []).ShouldNotContain(c => c.StartsWith($"{SelectionCookie}={theirs}", StringComparison.Ordinal), what);
            }

            // The dashboard with the forged cookie: Heather's own profile in the margin, nothing of theirs.
            var dashboard = await Page.ParseAsync(await f.Heather.SendWithSelectionAsync(HttpMethod.Get, "/", theirs));
            dashboard.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
            dashboard.Text("profile-name").ShouldBe("Heather Milner");
            dashboard.Text("profile-dob").ShouldBe("(1989-04-27)");
            dashboard.Document.Body!.TextContent.ShouldNotContain("Tremblay");
        }

        var after = await RecordAsync(portal, f.Lea);
        (after.FirstName, after.ContactEmail, after.Notifications, after.UpdatedUtc).ShouldBe((leaBefore.FirstName, leaBefore.ContactEmail, leaBefore.Notifications, leaBefore.UpdatedUtc));
        var reads = await ReadsAsync(portal, f.Lea);
        reads.ShouldAllBe(r => r.ReaderAccountId == f.HeatherAccount && !r.Allowed);
        // The forged cookie came back with six requests in the same minute: the refusal is on Léa's trail once.
        reads.Select(r => r.What).ShouldBe(["switch", "select"]);
    }

    [Fact]
    public async Task Profile_ids_in_the_forms_are_ignored_the_selected_profile_is_the_only_one_changed()
    {
        var f = await TwoFamiliesAsync();
        await using var portal = f.Portal;

        var form = PersonalForm("Heather");
        form["ProfileId"] = f.Lea.ToString();
        form["Input.ProfileId"] = f.Lea.ToString();
        form["profileId"] = f.Lea.ToString();
        form["Input.AccountId"] = f.OtherAccount.ToString();
        var saved = await f.Heather.PostFormAsync("/profile?handler=Personal", form, "/profile?handler=Personal");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(saved));
        (await RecordAsync(portal, f.HeatherProfile)).ContactEmail.ShouldBe("famille.milner@example.com");
        (await RecordAsync(portal, f.Lea)).ContactEmail.ShouldBeNull();
        (await ReadsAsync(portal, f.Lea)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_proxy_cannot_change_the_birth_date_card_link_or_permissions_by_posting_extra_fields()
    {
        var f = await TwoFamiliesAsync(ProfileTabs.Appointments);
        await using var portal = f.Portal;
        (await f.Heather.SwitchToAsync(f.Nathan)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var form = PersonalForm("Nate");
        form["Input.DateOfBirth"] = "2000-01-01";
        form["DateOfBirth"] = "2000-01-01";
        form["Input.HealthInsuranceNumber"] = "ZZZZ 9999 9999";
        form["Input.HealthInsuranceExpiry"] = "2031-01-31";
        form["Input.State"] = "Active";
        form["Input.Permissions"] = "All";
        form["Input.Relationship"] = "Self";
        form["Permissions"] = "15";
        form["Relationship"] = "Self";
        form["State"] = "Active";
        form["AccountId"] = f.OtherAccount.ToString();
        var saved = await f.Heather.PostFormAsync("/profile?handler=Personal", form, "/profile?handler=Personal");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(saved));
        var nathan = await RecordAsync(portal, f.Nathan);
        (nathan.FirstName, nathan.DateOfBirth, nathan.HealthInsuranceNumber, nathan.HealthInsuranceExpiry)
            .ShouldBe(("Nate", new DateOnly(2017, 2, 18), "MILN17021812", null));
        var link = await LinkAsync(portal, f.HeatherAccount, f.Nathan);
        (link.Relationship, link.Permissions, link.State).ShouldBe((Relationship.Parent, ProfileTabs.Appointments, AccessState.Active));
        (await LinkAsync(portal, f.OtherAccount, f.Lea)).Permissions.ShouldBe(ProfileTabs.All);

        // Heather's own birth date cannot be posted either; her own card she may change.
        (await f.Heather.SwitchToAsync(f.HeatherProfile)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var own = PersonalForm("Heather");
        own["Input.DateOfBirth"] = "2015-01-01";
        own["Input.HealthInsuranceNumber"] = "MILH 8954 2713";
        (await f.Heather.PostFormAsync("/profile?handler=Personal", own, "/profile?handler=Personal")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var heather = await RecordAsync(portal, f.HeatherProfile);
        (heather.DateOfBirth, heather.HealthInsuranceNumber).ShouldBe((new DateOnly(1989, 4, 27), "MILH89542713"));
    }

    [Fact]
    public async Task Tabs_the_link_does_not_open_are_hidden_and_their_pages_refused()
    {
        var f = await TwoFamiliesAsync(ProfileTabs.Appointments);
        await using var portal = f.Portal;

        var switched = await f.Heather.SwitchToAsync(f.Nathan);
        var page = await f.Heather.FollowAsync(switched);

        switched.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith($"{SelectionCookie}={f.Nathan}", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("secure", StringComparison.OrdinalIgnoreCase)
            && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase) && c.Contains("path=/", StringComparison.OrdinalIgnoreCase));
        page.Text("profile-name").ShouldBe("Nathan Milner");
        page.Text("profile-dob").ShouldBe("(2017-02-18)");
        page.Document.QuerySelectorAll("[data-testid^='tab-']").Select(t => t.GetAttribute("data-testid")).ShouldBe(["tab-appointments", "tab-profile"]);
        foreach (var hidden in new[] { "/inbox", "/sent", "/documents", "/bills" })
        {
            (await f.Heather.Http.GetAsync(hidden)).StatusCode.ShouldBe(HttpStatusCode.NotFound, hidden);
        }

        (await f.Heather.Http.GetAsync("/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = await f.Heather.GetAsync("/profile");
        settings.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        settings.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        settings.Text("first-name").ShouldBeEmpty();
        settings.Document.QuerySelector("[data-testid='first-name']")!.GetAttribute("value").ShouldBe("Nathan");
        settings.Text("date-of-birth").ShouldStartWith("2017-02-18");
        settings.Document.QuerySelector("input[name='Input.HealthInsuranceNumber']").ShouldBeNull();
        settings.Document.QuerySelector("input[name*='DateOfBirth']").ShouldBeNull();
        settings.Document.QuerySelectorAll("input[type='hidden']").Select(i => i.GetAttribute("name"))
            .ShouldAllBe(n => n == "__RequestVerificationToken" || n!.StartsWith("Notify.", StringComparison.Ordinal) || n == "language" || n == "returnUrl");
        (await ReadsAsync(portal, f.Nathan)).Select(r => (r.What, r.Allowed)).ShouldBe([("switch", true), ("appointments", true), ("settings", true)], ignoreOrder: true);
    }

    [Fact]
    public async Task The_download_is_an_attachment_never_stored_and_on_the_trail()
    {
        var f = await TwoFamiliesAsync();
        await using var portal = f.Portal;
        (await f.Heather.SwitchToAsync(f.Nathan)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var download = await f.Heather.Http.GetAsync("/profile/export");

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldMatch(@"^profile-\d{4}-\d{2}-\d{2}\.json$");
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var body = await BodyAsync(download);
        body.ShouldContain("\"FirstName\": \"Nathan\"");
        body.ShouldContain("MILN17021812");
        (await ReadsAsync(portal, f.Nathan)).Select(r => (r.What, r.Allowed)).ShouldBe([("switch", true), ("export", true)]);
    }
}
