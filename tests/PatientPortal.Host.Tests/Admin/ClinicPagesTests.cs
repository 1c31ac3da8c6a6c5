using System.Net;
using PatientPortal.Host.Tests.Accounts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Admin;

/// <summary>
/// The clinic admin pages (/admin/clinic*) over HTTP: staff only on the server, antiforgery on every post, both
/// languages, and the forms reaching the module (create, edit, deactivate, weekly blocks, closed days).
/// </summary>
public sealed class ClinicPagesTests
{
    private static readonly string SomeId = Guid.CreateVersion7().ToString();
    private static readonly string SomeSchedule = $"/admin/clinic/practitioners/{SomeId}/schedule";

    public static readonly string[] Pages =
    [
        "/admin/clinic", "/admin/clinic/sites", $"/admin/clinic/sites/{SomeId}", "/admin/clinic/specialties", $"/admin/clinic/specialties/{SomeId}",
        "/admin/clinic/practitioners", $"/admin/clinic/practitioners/{SomeId}", "/admin/clinic/types", $"/admin/clinic/types/{SomeId}", SomeSchedule,
    ];

    public static readonly string[] Posts =
    [
        $"/admin/clinic?handler=Active&item=Site&id={SomeId}&active=false",
        "/admin/clinic/sites",
        "/admin/clinic/specialties",
        "/admin/clinic/practitioners",
        "/admin/clinic/types",
        $"{SomeSchedule}?handler=AddBlock",
        $"{SomeSchedule}?handler=RemoveBlock&blockId={SomeId}",
        $"{SomeSchedule}?handler=AddClosed",
        $"{SomeSchedule}?handler=RemoveClosed&closedId={SomeId}",
    ];

    private static Dictionary<string, string> SiteForm(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.AddressLine"] = "201-1224 Rue Stanley",
        ["Input.City"] = "Montréal",
        ["Input.Province"] = "QC",
        ["Input.PostalCode"] = "H3B2S7",
        ["Input.Phone"] = "(555) 123-4321",
    };

    private static Dictionary<string, string> SpecialtyForm(string fr, string en) => new() { ["Input.NameFr"] = fr, ["Input.NameEn"] = en };

    /// <summary>The ids of the rows' edit links in one section of the clinic page, in page order.</summary>
    private static List<string> Ids(Page page, string editTestId) =>
        [.. page.Document.QuerySelectorAll($"[data-testid='{editTestId}']").Select(a => a.GetAttribute("href")!.Split('/')[^1])];

    private static async Task<int> CountAsync(PortalClient staff, string rowTestId) =>
        (await staff.GetAsync("/admin/clinic")).Document.QuerySelectorAll($"[data-testid='{rowTestId}']").Length;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_and_patients_get_403_from_every_page_and_post()
    {
        await using var portal = await StartAsync();
        await StaffOnlyPages.ShouldSendAnonymousToLoginAndRefusePatientsAsync(portal, Pages, Posts, SiteForm("Intrus"));

        var staff = await SignedInStaffAsync(portal);
        (await staff.GetAsync("/admin/clinic")).Document.Body!.TextContent.ShouldNotContain("Intrus");
    }

    [Fact]
    public async Task Staff_without_the_second_factor_are_sent_to_set_it_up_and_refused_every_post()
    {
        await using var portal = await StartAsync();
        var staff = Browser(portal);
        LocationPath(await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword, "/admin/clinic")).ShouldBe("/account/two-step/authenticator");
        var token = await staff.TokenAsync("/");

        foreach (var url in Pages)
        {
            LocationPath(await staff.Http.GetAsync(url)).ShouldBe("/account/two-step/authenticator", url);
        }

        foreach (var url in Posts)
        {
            var form = new Dictionary<string, string>(SiteForm("Sans facteur")) { ["__RequestVerificationToken"] = token };
            (await staff.Http.PostAsync(url, new FormUrlEncodedContent(form))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        await staff.SetUpAuthenticatorAsync(PortalClient.DemoAdminPassword);
        (await staff.GetAsync("/admin/clinic")).Document.Body!.TextContent.ShouldNotContain("Sans facteur");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        var sites = await CountAsync(staff, "site-row");

        foreach (var url in Posts)
        {
            (await staff.PostWithoutTokenAsync(url, SiteForm("Sans jeton"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
        }

        (await CountAsync(staff, "site-row")).ShouldBe(sites);
    }

    [Fact]
    public async Task Staff_build_the_catalog_and_a_practitioners_schedule_from_the_pages()
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        await staff.SwitchLanguageAsync("en");

        var clinic = await staff.GetAsync("/admin/clinic");
        clinic.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        clinic.Text("page-title").ShouldBe("Clinic and schedules");
        clinic.Text("admin-clinic").ShouldBe("Clinic and schedules");
        var sitesBefore = Ids(clinic, "edit-site");

        LocationPath(await staff.PostFormAsync("/admin/clinic/sites", SiteForm("Clinique Test"))).ShouldBe("/admin/clinic");
        LocationPath(await staff.PostFormAsync("/admin/clinic/specialties", SpecialtyForm("Pédiatrie test", "Pediatrics test"))).ShouldBe("/admin/clinic");
        clinic = await staff.GetAsync("/admin/clinic");
        clinic.Text("notice").ShouldBe("Saved.");
        var site = Ids(clinic, "edit-site").Except(sitesBefore).Single();
        var specialty = clinic.Document.QuerySelectorAll("[data-testid='specialty-row']").Single(r => r.TextContent.Contains("Pediatrics test", StringComparison.Ordinal))
            .QuerySelector("[data-testid='edit-specialty']")!.GetAttribute("href")!.Split('/')[^1];

        // A practitioner at the new site; a type of the new specialty; an edit of the site.
        (await staff.PostFormAsync("/admin/clinic/practitioners", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dr. Test Roy", ["Input.SpecialtyIds"] = specialty, ["Input.SiteIds"] = site,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.PostFormAsync("/admin/clinic/types", new Dictionary<string, string>
        {
            ["Input.NameFr"] = "Visite test", ["Input.NameEn"] = "Test visit", ["Input.DurationMinutes"] = "30", ["Input.Emergency"] = "None",
            ["Input.SpecialtyId"] = specialty, ["Input.BookableOnline"] = "true", ["Input.VisitMessageFr"] = "Apportez votre carte.", ["Input.VisitMessageEn"] = "Bring your card.",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.PostFormAsync($"/admin/clinic/sites/{site}", SiteForm("Clinique Test renommée"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        clinic = await staff.GetAsync("/admin/clinic");
        var practitionerRow = clinic.Document.QuerySelectorAll("[data-testid='practitioner-row']").Single(r => r.TextContent.Contains("Dr. Test Roy", StringComparison.Ordinal));
        practitionerRow.TextContent.ShouldContain("Pediatrics test");
        practitionerRow.TextContent.ShouldContain("Clinique Test renommée");
        var schedule = practitionerRow.QuerySelector("[data-testid='open-schedule']")!.GetAttribute("href")!;
        var typeRow = clinic.Document.QuerySelectorAll("[data-testid='type-row']").Single(r => r.TextContent.Contains("Test visit", StringComparison.Ordinal));
        typeRow.TextContent.ShouldContain("30 min");
        var type = typeRow.QuerySelector("[data-testid='edit-type']")!.GetAttribute("href")!.Split('/')[^1];
        var typePage = await staff.GetAsync($"/admin/clinic/types/{type}");
        typePage.Document.QuerySelector("#message-en")!.TextContent.ShouldBe("Bring your card.");
        typePage.Document.QuerySelector("#online")!.HasAttribute("checked").ShouldBeTrue();

        // The schedule: a bad block gets its message; a good one and closed days are listed, then removed.
        var bad = await staff.PostFormAsync(schedule, new Dictionary<string, string>
        {
            ["Block.SiteId"] = site, ["Block.Day"] = "Monday", ["Block.Start"] = "12:00", ["Block.End"] = "09:00", ["Block.SlotMinutes"] = "300",
            ["Block.EffectiveFrom"] = "2026-04-01",
        }, schedule + "?handler=AddBlock");
        var errors = await ErrorsAsync(bad);
        errors.ShouldContain("The end must be after the start.");
        errors.ShouldContain("Slots must start every 5 to 240 minutes.");
        errors.ShouldContain("Choose at least one appointment type.");

        LocationPath(await staff.PostFormAsync(schedule, new Dictionary<string, string>
        {
            ["Block.SiteId"] = site, ["Block.Day"] = "Monday", ["Block.Start"] = "09:00", ["Block.End"] = "12:00", ["Block.SlotMinutes"] = "30",
            ["Block.TypeIds"] = type, ["Block.EffectiveFrom"] = "2026-04-01",
        }, schedule + "?handler=AddBlock")).ShouldBe(schedule);
        LocationPath(await staff.PostFormAsync(schedule, new Dictionary<string, string>
        {
            ["Closed.Scope"] = "practitioner", ["Closed.FirstDay"] = "2026-07-01", ["Closed.LastDay"] = "2026-07-14", ["Closed.Label"] = "Vacation",
        }, schedule + "?handler=AddClosed")).ShouldBe(schedule);

        var page = await staff.GetAsync(schedule);
        page.Text("notice").ShouldBe("The closed days were added.");
        var block = page.Document.QuerySelectorAll("[data-testid='block-row']").ShouldHaveSingleItem();
        block.TextContent.ShouldContain("Monday");
        block.TextContent.ShouldContain("09:00–12:00");
        block.TextContent.ShouldContain("Test visit");
        // The demo clinic's own holiday (clinic-wide) is listed too.
        var vacation = page.Document.QuerySelectorAll("[data-testid='closed-row']").Where(r => r.TextContent.Contains("Vacation", StringComparison.Ordinal)).ShouldHaveSingleItem();

        var removeBlock = page.Document.QuerySelector("[data-testid='remove-block']")!.Closest("form")!.GetAttribute("action")!;
        var removeClosed = vacation.QuerySelector("[data-testid='remove-closed']")!.Closest("form")!.GetAttribute("action")!;
        LocationPath(await staff.PostFormAsync(schedule, new Dictionary<string, string>(), removeBlock)).ShouldBe(schedule);
        LocationPath(await staff.PostFormAsync(schedule, new Dictionary<string, string>(), removeClosed)).ShouldBe(schedule);
        page = await staff.GetAsync(schedule);
        page.Text("no-blocks").ShouldBe("No weekly blocks yet.");
        page.Document.QuerySelectorAll("[data-testid='closed-row']").ShouldNotContain(r => r.TextContent.Contains("Vacation", StringComparison.Ordinal));

        // Deactivate the practitioner: listed as such, and their schedule says so.
        LocationPath(await staff.PostFormAsync("/admin/clinic", new Dictionary<string, string>(),
            $"/admin/clinic?handler=Active&item=Practitioner&id={schedule.Split('/')[^2]}&active=false")).ShouldBe("/admin/clinic");
        clinic = await staff.GetAsync("/admin/clinic");
        clinic.Text("notice").ShouldStartWith("Deactivated");
        clinic.Document.QuerySelectorAll("[data-testid='practitioner-row']").Single(r => r.TextContent.Contains("Dr. Test Roy", StringComparison.Ordinal))
            .QuerySelector("[data-testid='reactivate']").ShouldNotBeNull();
        (await staff.GetAsync(schedule)).Text("inactive").ShouldNotBeEmpty();
        (await staff.GetAsync($"/admin/clinic/practitioners/{Guid.CreateVersion7()}/schedule")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.GetAsync($"/admin/clinic/sites/{Guid.CreateVersion7()}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("fr", "Clinique et horaires", "Indiquez le nom en français et en anglais.", "La durée doit être entre 5 et 480 minutes.")]
    [InlineData("en", "Clinic and schedules", "Give the name in French and in English.", "The duration must be between 5 and 480 minutes.")]
    public async Task The_pages_and_their_messages_are_in_the_readers_language(string language, string title, string names, string duration)
    {
        await using var portal = await StartAsync();
        var staff = await SignedInStaffAsync(portal);
        await staff.SwitchLanguageAsync(language);

        var clinic = await staff.GetAsync("/admin/clinic");
        clinic.Language.ShouldStartWith(language);
        clinic.Text("page-title").ShouldBe(title);
        (await ErrorsAsync(await staff.PostFormAsync("/admin/clinic/specialties", SpecialtyForm("Pédiatrie", " ")))).ShouldBe(names);
        var type = await ErrorsAsync(await staff.PostFormAsync("/admin/clinic/types", new Dictionary<string, string>
        {
            ["Input.NameFr"] = "Visite", ["Input.NameEn"] = "Visit", ["Input.DurationMinutes"] = "500", ["Input.Emergency"] = "Minor",
        }));
        type.ShouldBe(duration);
    }
}
