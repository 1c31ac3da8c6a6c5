using System.Net;
using System.Text.RegularExpressions;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Appointments;

/// <summary>
/// The patient's appointment pages on the Development demo clinic (seeded relative to the clock at start-up): the tab,
/// the booking wizard end to end over HTTP, the details with their windows, the dashboard; and the security cases
/// (security.md B13, B14): another family's appointment id is 404 on details, confirm and cancel; a profile whose link
/// does not open Appointments cannot book; a POST without the antiforgery token is refused; the reason is never in a URL.
/// </summary>
public sealed partial class AppointmentPagesTests
{
    private const string Reason = "Sore throat and fever since Tuesday";

    [GeneratedRegex("/appointments/([0-9a-f-]{36})")]
    private static partial Regex AppointmentLink();

    private static async Task<(PortalFactory Portal, PortalClient Heather)> HeatherForNathanAsync(string language = "en")
    {
        var portal = await StartAsync();
        var heather = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync(language);
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (portal, heather);
    }

    private static async Task<Guid> LeasAppointmentAsync(PortalFactory portal)
    {
        var sophie = Browser(portal);
        (await sophie.SignInAsync(DemoClinic.SophieGagnonEmail, DemoClinic.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sophie.SwitchToAsync(DemoClinic.LeaGagnonProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tab = await sophie.GetAsync("/appointments");
        tab.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var href = tab.Document.QuerySelector("[data-testid='upcoming'] [data-testid='appointment-link']")!.GetAttribute("href")!;
        return Guid.Parse(AppointmentLink().Match(href).Groups[1].Value);
    }

    [Fact]
    public async Task The_tab_lists_the_demo_familys_appointments_with_status_in_words_and_the_dashboard_has_a_for_column()
    {
        var (portal, heather) = await HeatherForNathanAsync();
        await using var _ = portal;

        var tab = await heather.GetAsync("/appointments");

        tab.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        tab.Text("book-appointment").ShouldBe("Book an appointment");
        tab.Text("emergency-appointment").ShouldBe("Emergency appointment");
        var upcoming = tab.Document.QuerySelectorAll("[data-testid='upcoming'] [data-testid='appointment-status']").Select(s => s.TextContent.Trim()).ToList();
        upcoming.ShouldBe(["Booked, not confirmed", "Booked, not confirmed", "Cancelled"]);
        tab.Document.QuerySelectorAll("[data-testid='history'] [data-testid='appointment-row']").Length.ShouldBe(3);
        tab.Document.QuerySelector("[data-testid='upcoming'] tr.status-bad")!.TextContent.ShouldContain("Cancelled");

        // The first one is inside 72 hours: Confirm Appointment is offered, with the cancel deadline.
        var first = tab.Document.QuerySelector("[data-testid='upcoming'] [data-testid='appointment-link']")!.GetAttribute("href")!;
        var details = await heather.GetAsync(first);
        details.Text("details-practitioner").ShouldStartWith("Dr. Medfar Solutions");
        details.Document.QuerySelector("[data-testid='confirm-appointment']").ShouldNotBeNull();
        details.Text("cancel-deadline").ShouldStartWith("This appointment cannot be cancelled after");
        details.Text("visit-message").ShouldContain("health insurance card");

        var dashboard = await heather.GetAsync("/");
        dashboard.Document.QuerySelectorAll("[data-testid='dashboard-upcoming'] [data-testid='appointment-for']").Select(c => c.TextContent.Trim())
            .ShouldContain("Nathan Milner");
    }

    [Fact]
    public async Task The_pages_are_in_french()
    {
        var (portal, heather) = await HeatherForNathanAsync("fr");
        await using var _ = portal;

        var tab = await heather.GetAsync("/appointments");
        tab.Text("book-appointment").ShouldBe("Prendre un rendez-vous");
        tab.Text("emergency-appointment").ShouldBe("Rendez-vous d'urgence");
        tab.Document.Body!.TextContent.ShouldContain("Prochains rendez-vous");
        tab.Document.Body!.TextContent.ShouldContain("Historique des rendez-vous");
        tab.Document.Body!.TextContent.ShouldContain("Intervenant");
        tab.Document.QuerySelectorAll("[data-testid='appointment-status']").Select(s => s.TextContent.Trim()).ShouldContain("Annulé");

        var specialties = await heather.GetAsync("/appointments/book");
        specialties.Document.QuerySelectorAll("[data-testid='choice']").Select(c => c.TextContent.Trim()).ShouldContain(c => c.StartsWith("Médecine familiale", StringComparison.Ordinal));
        var emergency = await heather.GetAsync("/appointments/book?emergency=true");
        var site = emergency.Document.QuerySelector("[data-testid='choice']")!.GetAttribute("href")!;
        var types = await heather.GetAsync(site);
        types.Document.QuerySelectorAll("[data-testid='choice'] strong").Select(c => c.TextContent.Trim()).ShouldBe(["Urgence mineure", "Urgence complexe"]);
        types.Text("choice-description").ShouldStartWith("Pour une consultation concernant un seul problème");
    }

    [Fact]
    public async Task Booking_through_the_wizard_never_puts_the_reason_in_a_url_and_ends_on_the_details()
    {
        var (portal, heather) = await HeatherForNathanAsync();
        await using var _ = portal;
        var urls = new List<string>();

        async Task<string> NextAsync(string url, string expectedStep)
        {
            urls.Add(url);
            var page = await heather.GetAsync(url);
            page.Response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            page.Document.QuerySelector($"[data-testid='step-{expectedStep}']").ShouldNotBeNull(url);
            return page.Document.QuerySelector("[data-testid='choice']")?.GetAttribute("href") ?? url;
        }

        var url = await NextAsync("/appointments/book", "specialty");
        // Family Medicine comes first by name; the assigned practitioner (Dr. Medfar Solutions) first among practitioners.
        var practitioners = await heather.GetAsync(url);
        practitioners.Document.QuerySelector("[data-testid='choice']")!.TextContent.ShouldContain("Your practitioner");
        practitioners.Document.QuerySelector("[data-testid='breadcrumb'] a")!.GetAttribute("href").ShouldBe("/appointments/book");
        url = await NextAsync(url, "practitioner");
        url = await NextAsync(url, "site");
        url = await NextAsync(url, "type");
        var questionnaire = await NextAsync(url, "questionnaire");
        var crumbs = (await heather.GetAsync(questionnaire)).Document.QuerySelectorAll("[data-testid='crumb']").Select(c => c.TextContent.Trim()).ToList();
        crumbs.ShouldBe(["Family Medicine", "Dr. Medfar Solutions", "My Clinic", "Annual Visit", "Questionnaire"]);

        (await heather.GetAsync(questionnaire)).Document.QuerySelectorAll("[data-testid='breadcrumb'] a").Length.ShouldBe(4);

        var availabilities = questionnaire + "&handler=Availabilities";
        urls.Add(availabilities);
        var grid = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.When"] = "asap", ["Input.Reason"] = Reason }, availabilities));
        grid.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        grid.Document.Body!.TextContent.ShouldContain("Morning");
        var slot = grid.Document.QuerySelector("[data-testid='slot']")!.GetAttribute("value")!;
        grid.Document.QuerySelector("input[name='Input.Reason']")!.GetAttribute("value").ShouldBe(Reason);

        var review = questionnaire + "&handler=Review";
        urls.Add(review);
        var confirm = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.Reason"] = Reason, ["Input.Slot"] = slot }, review));
        confirm.Text("summary-phone").ShouldBe("(555) 123-4321");
        confirm.Text("summary-type").ShouldBe("Annual Visit (20 minutes)");
        confirm.Text("summary-site").ShouldContain("201-1224 Rue Stanley");
        confirm.Text("summary-for").ShouldBe("Nathan Milner");
        var forProfile = confirm.Document.QuerySelector("input[name='Input.For']")!.GetAttribute("value")!;
        forProfile.ShouldBe(DemoClinic.NathanMilnerProfileId.ToString());

        // Another practitioner's time in a routine booking is not this wizard's: 404, nothing booked.
        var someoneElse = $"{Guid.NewGuid()}_{slot.Split('_')[1]}";
        (await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.Slot"] = someoneElse }, questionnaire + "&handler=Book")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        var book = questionnaire + "&handler=Book";
        urls.Add(book);
        // The confirmation page named Nathan; if another tab has since selected someone else, nothing is booked.
        var switched = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, new Dictionary<string, string>
        {
            ["Input.Reason"] = Reason, ["Input.Slot"] = slot, ["Input.For"] = DemoClinic.LeaGagnonProfileId.ToString(),
        }, book));
        switched.Text("booking-error").ShouldContain("changed in another window");
        switched.Document.QuerySelectorAll("[data-testid='slot']").Select(s => s.GetAttribute("value")).ShouldContain(slot, "still free");
        var booked = await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.Reason"] = Reason, ["Input.Slot"] = slot, ["Input.For"] = forProfile }, book);
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = booked.Headers.Location!.ToString();
        urls.Add(location);
        var details = await heather.FollowAsync(booked);
        details.Text("booked").ShouldBe("Your appointment is booked.");
        details.Text("details-reason").ShouldBe(Reason);

        // The same slot again: "this time was just taken", and the grid again.
        var again = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.Reason"] = Reason, ["Input.Slot"] = slot, ["Input.For"] = forProfile }, book));
        again.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Text("booking-error").ShouldContain("this time was just taken");
        again.Document.QuerySelector("[data-testid='availability-grid']").ShouldNotBeNull();
        again.Document.QuerySelectorAll("[data-testid='slot']").Select(s => s.GetAttribute("value")).ShouldNotContain(slot);

        urls.ShouldAllBe(u => !u.Contains("Sore", StringComparison.OrdinalIgnoreCase) && !u.Contains("throat", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_reason_over_the_limit_is_refused_by_the_server()
    {
        var (portal, heather) = await HeatherForNathanAsync();
        await using var _ = portal;
        var emergency = await heather.GetAsync("/appointments/book?emergency=true");
        var site = emergency.Document.QuerySelector("[data-testid='choice']")!.GetAttribute("href")!;
        var questionnaire = (await heather.GetAsync(site)).Document.QuerySelector("[data-testid='choice']")!.GetAttribute("href")!;

        var page = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.Reason"] = new string('x', 2000) },
            questionnaire + "&handler=Availabilities"));

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Text("reason-error").ShouldBe("The reason is limited to 140 characters.");
        page.Text("reason-counter").ShouldBe("2000 / 140");
        page.Document.QuerySelector("[data-testid='availability-grid']").ShouldBeNull();
    }

    [Fact]
    public async Task Another_familys_appointment_is_not_found_on_details_confirm_and_cancel_and_is_unchanged()
    {
        var (portal, heather) = await HeatherForNathanAsync();
        await using var _ = portal;
        var leas = await LeasAppointmentAsync(portal);

        (await heather.Http.GetAsync($"/appointments/{leas}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await heather.TokenAsync("/appointments");
        foreach (var handler in new[] { "Confirm", "Cancel" })
        {
            var response = await heather.Http.PostAsync($"/appointments/{leas}?handler={handler}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, handler);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Bouchard");
        }

        var sophie = Browser(portal);
        await sophie.SignInAsync(DemoClinic.SophieGagnonEmail, DemoClinic.Password);
        await sophie.SwitchToAsync(DemoClinic.LeaGagnonProfileId);
        await sophie.SwitchLanguageAsync("en");
        (await sophie.GetAsync($"/appointments/{leas}")).Text("appointment-status").ShouldBe("Booked, not confirmed");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (portal, heather) = await HeatherForNathanAsync();
        await using var _ = portal;
        var tab = await heather.GetAsync("/appointments");
        var links = tab.Document.QuerySelectorAll("[data-testid='upcoming'] [data-testid='appointment-link']").Select(a => a.GetAttribute("href")!).ToList();

        var response = await heather.PostWithoutTokenAsync(links[1] + "?handler=Cancel", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await heather.GetAsync(links[1])).Text("appointment-status").ShouldBe("Booked, not confirmed");
        (await heather.PostWithoutTokenAsync("/appointments/book?handler=Book", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Confirm_Appointment_posts_past_the_per_account_limit_get_the_429_page_and_other_accounts_and_pages_are_untouched()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:BookingPostsPerMinute"] = "2" });
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();
        var crafted = new Dictionary<string, string> { ["Input.Reason"] = "x", ["Input.Slot"] = $"{Guid.NewGuid()}_{DateTimeOffset.UtcNow.AddDays(3).UtcTicks}" };

        var first = await heather.PostFormAsync("/appointments/book", crafted, "/appointments/book?handler=Book");
        var second = await heather.PostFormAsync("/appointments/book", crafted, "/appointments/book?handler=book");
        var third = await Page.ParseAsync(await heather.PostFormAsync("/appointments/book", crafted, "/appointments/book?handler=Book"));

        first.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        second.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        third.Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Response.Headers.RetryAfter.ShouldNotBeNull();
        third.Document.Body!.TextContent.ShouldContain("Too many attempts");
        (await heather.GetAsync("/appointments/book")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "the wizard's steps are not counted");
        var sophie = Browser(portal);
        (await sophie.SignInAsync(DemoClinic.SophieGagnonEmail, DemoClinic.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sophie.PostFormAsync("/appointments/book", crafted, "/appointments/book?handler=Book")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another account has its own count");
    }

    [Fact]
    public async Task A_profile_whose_link_does_not_open_appointments_cannot_see_the_tab_nor_book()
    {
        var portal = await StartAsync();
        await using var _ = portal;
        var (heatherAccount, _) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var messagesOnly = await AttachChildAsync(portal, heatherAccount, "Zoé", "Milner", new DateOnly(2015, 5, 5), "MILZ15050512", ProfileTabs.Messages);
        var heather = Browser(portal);
        await heather.SignInAsDemoPatientInEnglishAsync();

        (await heather.SendWithSelectionAsync(HttpMethod.Get, "/appointments", messagesOnly)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.SendWithSelectionAsync(HttpMethod.Get, "/appointments/book", messagesOnly)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.SendWithSelectionAsync(HttpMethod.Get, "/appointments/book?emergency=true", messagesOnly)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.SendWithSelectionAsync(HttpMethod.Post, "/appointments/book?handler=Book&emergency=true", messagesOnly,
            new Dictionary<string, string> { ["Input.Reason"] = "x", ["Input.Slot"] = $"{Guid.NewGuid()}_{DateTimeOffset.UtcNow.AddDays(3).UtcTicks}" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_id_that_is_not_among_a_steps_choices_is_not_found()
    {
        var (portal, heather) = await HeatherForNathanAsync();
        await using var _ = portal;

        (await heather.Http.GetAsync($"/appointments/book?specialty={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.Http.GetAsync($"/appointments/book?emergency=true&site={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await heather.Http.GetAsync($"/appointments/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
