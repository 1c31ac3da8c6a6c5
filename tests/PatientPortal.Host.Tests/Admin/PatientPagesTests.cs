using System.Net;
using PatientPortal.Host.Tests.Accounts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Admin;

/// <summary>
/// The staff patient pages (/admin/patients*) over HTTP: staff only on the server (B16), forms that read only their own
/// fields (B14), antiforgery on every post, both languages.
/// </summary>
public sealed class PatientPagesTests
{
    private static readonly string SomeRecord = "/admin/patients/" + Guid.CreateVersion7();

    /// <summary>Every page, and every form it posts (path and handler).</summary>
    public static readonly string[] Pages = ["/admin/patients", "/admin/patients/new", SomeRecord, "/admin/patients/requests"];

    public static readonly string[] Posts =
    [
        "/admin/patients",
        "/admin/patients/new",
        SomeRecord,
        $"{SomeRecord}?handler=Permissions&accessId={Guid.CreateVersion7()}",
        $"{SomeRecord}?handler=Revoke&accessId={Guid.CreateVersion7()}",
        $"{SomeRecord}?handler=Attach",
        $"{SomeRecord}?handler=Invite",
        $"/admin/patients/requests?handler=Approve&requestId={Guid.CreateVersion7()}",
        $"/admin/patients/requests?handler=Refuse&requestId={Guid.CreateVersion7()}",
        $"/admin/patients/requests?handler=Confirm&suggestionId={Guid.CreateVersion7()}",
        $"/admin/patients/requests?handler=Dismiss&suggestionId={Guid.CreateVersion7()}",
    ];

    private static Dictionary<string, string> RecordForm(string firstName, string birth, string? card = null, string? chart = null) => new()
    {
        ["Input.FirstName"] = firstName,
        ["Input.LastName"] = "Milner",
        ["Input.DateOfBirth"] = birth,
        ["Input.Sex"] = "Male",
        ["Input.HealthInsuranceNumber"] = card ?? "",
        ["Input.ClinicPatientId"] = chart ?? "",
        ["Input.PrimaryPhone"] = "514 555-0142",
        ["Input.PrimaryPhoneType"] = "Mobile",
        ["Input.PostalCode"] = "H2X 1Y4",
        ["Input.Language"] = "fr-CA",
    };

    /// <summary>The search form, posted: its criteria never go in a URL.</summary>
    private static async Task<Page> SearchAsync(PortalClient staff, Dictionary<string, string> criteria) =>
        await Page.ParseAsync(await staff.PostFormAsync("/admin/patients", criteria));

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_from_every_patient_page_and_post()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        var token = await client.TokenAsync("/login");

        foreach (var url in Pages)
        {
            var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            LocationPath(response).ShouldBe("/login", url);
        }

        foreach (var url in Posts)
        {
            var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            LocationPath(response).ShouldBe("/login", url);
        }
    }

    [Fact]
    public async Task A_patient_gets_403_from_every_patient_page_and_post_and_creates_nothing()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        (await client.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await client.TokenAsync("/");

        foreach (var url in Pages)
        {
            (await client.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        foreach (var url in Posts)
        {
            var form = new Dictionary<string, string>(RecordForm("Intrus", "2010-01-01", chart: "X-403")) { ["__RequestVerificationToken"] = token };
            (await client.Http.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        var staff = await SignedInStaffAsync(portal);
        (await SearchAsync(staff, new() { ["Input.Chart"] = "X-403" })).Text("no-results").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Staff_without_the_second_factor_are_sent_to_set_it_up_and_refused_every_post()
    {
        await using var portal = await StartAsync();
        var staff = Browser(portal);
        LocationPath(await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword, "/admin/patients")).ShouldBe("/account/two-step/authenticator");
        var token = await staff.TokenAsync("/");

        foreach (var url in Pages)
        {
            var response = await staff.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            LocationPath(response).ShouldBe("/account/two-step/authenticator", url);
        }

        foreach (var url in Posts)
        {
            var form = new Dictionary<string, string>(RecordForm("Intrus", "2010-01-01", chart: "X-2FA")) { ["__RequestVerificationToken"] = token };
            (await staff.Http.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        await staff.SetUpAuthenticatorAsync(PortalClient.DemoAdminPassword);
        (await SearchAsync(staff, new() { ["Input.Chart"] = "X-2FA" })).Text("no-results").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Every_patient_post_without_an_antiforgery_token_is_refused()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);

        foreach (var url in Posts)
        {
            (await staff.PostWithoutTokenAsync(url, RecordForm("Sans", "2010-01-01", chart: "X-CSRF"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
        }

        (await SearchAsync(staff, new() { ["Input.Chart"] = "X-CSRF" })).Text("no-results").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Staff_create_find_edit_and_attach_a_child_then_change_its_tabs_and_revoke()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        await staff.SwitchLanguageAsync("en");

        var created = await staff.PostFormAsync("/admin/patients/new", RecordForm("Noah", "2018-06-01", "MILN18060112", "C-5001"), "/admin/patients/new");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(created));
        var recordUrl = created.Headers.Location!.ToString();
        var found = await SearchAsync(staff, new() { ["Input.Name"] = "noah", ["Input.Sort"] = "DateOfBirth" });
        found.Document.QuerySelectorAll("[data-testid='patient-row']").Length.ShouldBe(1);
        found.Document.QuerySelector("[data-testid='open-patient']")!.GetAttribute("href").ShouldBe(recordUrl);

        var edited = await staff.PostFormAsync(recordUrl, new Dictionary<string, string>(RecordForm("Noah", "2018-06-01", "MILN18060112", "C-5001")) { ["Input.City"] = "Laval" });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(edited));
        var record = await staff.FollowAsync(edited);
        record.Text("notice").ShouldBe("The record was saved.");
        record.Document.QuerySelector("#city")!.GetAttribute("value").ShouldBe("Laval");
        record.Document.QuerySelector("#invite").ShouldBeNull("a child under the age of consent is not invited to an account of their own");

        var attached = await staff.PostFormAsync(recordUrl, new Dictionary<string, string>
        {
            ["Attach.AccountEmail"] = PortalClient.DemoPatientEmail,
            ["Attach.Relationship"] = "Parent",
            ["Attach.Tabs"] = "Appointments",
        }, recordUrl + "?handler=Attach");
        attached.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(attached));
        record = await staff.FollowAsync(attached);
        record.Text("notice").ShouldBe("The file was attached: the account has access now.");
        record.Text("link-holder").ShouldBe("Heather Milner");
        record.Text("link-state").ShouldBe("Active");

        var permissions = record.Document.QuerySelector("[data-testid='permissions-form']")!;
        var version = permissions.QuerySelector("input[name='version']")!.GetAttribute("value")!;
        var changed = await staff.PostFormAsync(recordUrl, new Dictionary<string, string> { ["version"] = version, ["tabs"] = "Bills" }, permissions.GetAttribute("action"));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(changed));
        record = await staff.FollowAsync(changed);
        record.Document.QuerySelectorAll("[data-testid='permissions-form'] input[name='tabs'][checked]").Select(i => i.GetAttribute("value")).ShouldBe(["Bills"]);

        // The same stale version again: someone changed it meanwhile.
        var stale = await Page.ParseAsync(await staff.PostFormAsync(recordUrl, new Dictionary<string, string> { ["version"] = version, ["tabs"] = "Messages" }, permissions.GetAttribute("action")));
        FormErrors(stale).ShouldContain("changed by someone else");

        var revoke = record.Document.QuerySelector("form[action*='handler=Revoke']")!;
        var revoked = await staff.PostFormAsync(recordUrl, new Dictionary<string, string> { ["version"] = revoke.QuerySelector("input[name='version']")!.GetAttribute("value")! }, revoke.GetAttribute("action"));
        record = await staff.FollowAsync(revoked);
        record.Text("link-state").ShouldStartWith("Revoked");
        record.Document.QuerySelectorAll("[data-testid='change-row']").Length.ShouldBe(3);
    }

    [Fact]
    public async Task Extra_fields_on_the_admin_posts_are_ignored()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        await staff.SwitchLanguageAsync("en");
        var other = (await staff.PostFormAsync("/admin/patients/new", RecordForm("Autre", "2015-01-01", chart: "C-6001"))).Headers.Location!.ToString();
        var otherId = other[(other.LastIndexOf('/') + 1)..];
        var forgedId = Guid.CreateVersion7().ToString();

        // A teen (at or over the age of consent) created with a forged id, then attached with a forged state and consent.
        var created = await staff.PostFormAsync("/admin/patients/new", new Dictionary<string, string>(RecordForm("Ado", "2008-01-01", chart: "C-6002"))
        {
            ["Input.Id"] = forgedId,
            ["Id"] = forgedId,
            ["ProfileId"] = forgedId,
            ["Input.Notifications"] = "false",
        });
        var recordUrl = created.Headers.Location!.ToString();
        recordUrl.ShouldNotContain(forgedId);
        var attached = await staff.PostFormAsync(recordUrl, new Dictionary<string, string>
        {
            ["Attach.AccountEmail"] = PortalClient.DemoPatientEmail,
            ["Attach.Relationship"] = "Guardian",
            ["Attach.Tabs"] = "Messages",
            ["Attach.State"] = "Active",
            ["State"] = "Active",
            ["PersonConsented"] = "true",
            ["Attach.PersonConsented"] = "true",
            ["AccountId"] = Guid.CreateVersion7().ToString(),
            ["ProfileId"] = otherId,
            ["Attach.ProfileId"] = otherId,
            ["Relationship"] = "Self",
        }, recordUrl + "?handler=Attach");

        var record = await staff.FollowAsync(attached);
        record.Text("link-state").ShouldBe("Waiting for consent");
        record.Text("link-relationship").ShouldBe("Guardian");
        record.Text("link-holder").ShouldBe("Heather Milner");
        (await staff.GetAsync(other)).Text("no-links").ShouldNotBeEmpty();

        // The invitation goes out from the route's record, whatever record the form names.
        var invited = await staff.PostFormAsync(recordUrl, new Dictionary<string, string>
        {
            ["Invite.Email"] = "ado@example.com",
            ["ProfileId"] = otherId,
            ["Invite.ProfileId"] = otherId,
            ["Invite.FirstName"] = "Forged",
        }, recordUrl + "?handler=Invite");
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(invited));
        var list = await staff.GetAsync("/admin/invitations");
        list.Document.QuerySelectorAll("[data-testid='invitation-row']").Single(r => r.TextContent.Contains("ado@example.com", StringComparison.Ordinal))
            .TextContent.ShouldContain("Ado Milner");
    }

    [Fact]
    public async Task Staff_invite_a_records_patient_and_see_the_clinic_code_once()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var recordUrl = (await staff.PostFormAsync("/admin/patients/new", new Dictionary<string, string>(RecordForm("Camille", "1985-11-02", "ROYC85110212", "C-7001"))
        {
            ["Input.ContactEmail"] = "camille@example.com",
        })).Headers.Location!.ToString();
        (await staff.GetAsync(recordUrl)).Document.QuerySelector("#invite-email")!.GetAttribute("value").ShouldBe("camille@example.com");

        var invited = await staff.FollowAsync(await staff.PostFormAsync(recordUrl, new Dictionary<string, string> { ["Invite.Email"] = "camille@example.com" }, recordUrl + "?handler=Invite"));

        invited.Text("invitation-sent").ShouldNotBeEmpty();
        invited.Text("clinic-code").ShouldNotBeEmpty();
        (await staff.GetAsync(recordUrl)).Document.QuerySelector("[data-testid='clinic-code']").ShouldBeNull("the code is shown once");
        (await MailsAfterTheJobRanAsync(portal, "camille@example.com")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_self_registered_patient_whose_card_matches_a_record_waits_for_staff_who_confirm_from_the_queue()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        await staff.SwitchLanguageAsync("en");
        var recordUrl = (await staff.PostFormAsync("/admin/patients/new", new Dictionary<string, string>(RecordForm("Alex", "1990-05-17", "TREA90051712", "C-9001"))
        {
            ["Input.LastName"] = "Tremblay",
        })).Headers.Location!.ToString();
        var patient = Browser(portal);
        var email = $"alex-{Guid.NewGuid():N}@example.com";
        var registration = Registration(email, Password);
        registration["Input.HealthInsuranceNumber"] = "TREA 9005 1712";
        (await patient.PostFormAsync("/register", registration)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var activated = await patient.PostFormAsync(PortalClient.LinkIn(await patient.MailToAsync(email)),
            new Dictionary<string, string> { ["termsVersion"] = "2026-01", ["password"] = Password });
        activated.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Page queue = null!;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            queue = await staff.GetAsync("/admin/patients/requests");
            if (queue.Document.QuerySelector("[data-testid='suggestion-row']") is not null)
            {
                break;
            }

            await Task.Delay(500);
        }

        (await staff.GetAsync(recordUrl)).Text("no-links").ShouldNotBeEmpty("a matching card and birth date give no access on their own");
        var row = queue.Document.QuerySelector("[data-testid='suggestion-row']").ShouldNotBeNull();
        row.TextContent.ShouldContain("C-9001");
        // The evidence: the account's sign-in email and creation date beside the record's emails; no warning for an adult's unclaimed record.
        row.QuerySelector("[data-testid='account-email']")!.TextContent.Trim().ShouldBe(email);
        row.QuerySelector("[data-testid='account-created']")!.TextContent.Trim().ShouldNotBe("Unknown");
        row.QuerySelector("[data-testid='record-contact-email']")!.GetAttribute("data-match").ShouldBe("Unknown");
        row.QuerySelector("[data-testid='record-contact-email']")!.TextContent.ShouldContain("None on file");
        row.QuerySelectorAll("[data-testid='suggestion-flags'] li").ShouldBeEmpty();
        row.QuerySelector("[data-testid='no-flags']")!.TextContent.ShouldBe("No warning.");
        var confirm = row.QuerySelector("form[action*='handler=Confirm']")!.GetAttribute("action")!;

        // Confirming without saying how the identity was checked (or with a value the form does not offer) is refused, in either language.
        foreach (var fields in new[] { new Dictionary<string, string> { ["Confirm"] = "false" }, new Dictionary<string, string> { ["identityCheck"] = "0" }, new Dictionary<string, string> { ["identityCheck"] = "Trust" } })
        {
            var refused = await Page.ParseAsync(await staff.PostFormAsync("/admin/patients/requests", fields, confirm));
            refused.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
            FormErrors(refused).ShouldBe("Choose how you checked this person's identity before confirming.");
            refused.Document.QuerySelector("[data-testid='suggestion-row']").ShouldNotBeNull();
        }

        await staff.SwitchLanguageAsync("fr");
        FormErrors(await Page.ParseAsync(await staff.PostFormAsync("/admin/patients/requests", new Dictionary<string, string>(), confirm)))
            .ShouldBe("Choisissez comment vous avez vérifié l'identité de cette personne avant de confirmer.");
        await staff.SwitchLanguageAsync("en");
        (await staff.GetAsync(recordUrl)).Text("no-links").ShouldNotBeEmpty("a refused confirmation changes nothing");

        var confirmed = await staff.FollowAsync(await staff.PostFormAsync("/admin/patients/requests", new Dictionary<string, string> { ["identityCheck"] = "InPersonPhotoId" }, confirm));
        confirmed.Text("notice").ShouldBe("The decision was saved.");
        confirmed.Document.QuerySelector("[data-testid='suggestion-row']").ShouldBeNull();

        var record = await staff.GetAsync(recordUrl);
        record.Text("link-relationship").ShouldBe("Own profile");
        record.Text("link-state").ShouldBe("Active");
        var again = await Page.ParseAsync(await staff.PostFormAsync("/admin/patients/requests", new Dictionary<string, string> { ["identityCheck"] = "InPersonPhotoId" }, confirm));
        FormErrors(again).ShouldBe("This has already been decided.");
    }

    [Theory]
    [InlineData("en", "Patients", "New patient record", "Decisions to make", "Accounts with access to this file", "Appointments")]
    [InlineData("fr", "Patients", "Nouveau dossier patient", "Décisions à prendre", "Comptes ayant accès à ce dossier", "Rendez-vous")]
    public async Task The_patient_pages_speak_both_languages(string language, string search, string create, string queue, string links, string appointments)
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var recordUrl = (await staff.PostFormAsync("/admin/patients/new", RecordForm("Lina", "2019-03-03", chart: "C-8001"))).Headers.Location!.ToString();
        await staff.SwitchLanguageAsync(language);

        (await staff.GetAsync("/admin/patients")).Text("page-title").ShouldBe(search);
        (await staff.GetAsync("/admin/patients")).Document.QuerySelector("[data-testid='admin-patients']")!.TextContent.ShouldBe(search);
        (await staff.GetAsync("/admin/patients/new")).Text("page-title").ShouldBe(create);
        (await staff.GetAsync("/admin/patients/requests")).Text("page-title").ShouldBe(queue);
        var record = await staff.GetAsync(recordUrl);
        record.Language.ShouldStartWith(language);
        record.Document.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ShouldContain(links);
        record.Document.QuerySelector("[data-testid='attach-tab-Appointments']")!.ParentElement!.TextContent.Trim().ShouldBe(appointments);
    }
}
