using System.Net;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Appointments;

/// <summary>
/// The booking email's Cancel link, opened without logging in: GET shows the appointment and "Are you sure?" and changes
/// nothing (mail scanners follow links); the POST needs the antiforgery token; once cancelled the link is dead; a
/// tampered token gets the localized message; the wrong action's page does not accept the token.
/// </summary>
public sealed class EmailLinkPagesTests
{
    private static async Task<string> BookAndGetCancelLinkAsync(PortalFactory portal, PortalClient heather)
    {
        var url = "/appointments/book";
        foreach (var _ in Enumerable.Range(0, 4))
        {
            url = (await heather.GetAsync(url)).Document.QuerySelector("[data-testid='choice']")!.GetAttribute("href")!;
        }

        var questionnaire = url;
        var grid = await Page.ParseAsync(await heather.PostFormAsync(questionnaire, new Dictionary<string, string>
        {
            // A week ahead: cancelling online is still open (until 48 hours before).
            ["Input.When"] = "after", ["Input.After"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.Reason"] = "Check-up",
        }, questionnaire + "&handler=Availabilities"));
        var slot = grid.Document.QuerySelector("[data-testid='slot']")!.GetAttribute("value")!;
        var before = MailsTo(portal, DemoClinic.HeatherMilnerEmail).Count;
        (await heather.PostFormAsync(questionnaire, new Dictionary<string, string> { ["Input.Reason"] = "Check-up", ["Input.Slot"] = slot, ["Input.For"] = DemoClinic.NathanMilnerProfileId.ToString() }, questionnaire + "&handler=Book"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        for (var attempt = 0; attempt < 50 && MailsTo(portal, DemoClinic.HeatherMilnerEmail).Count <= before; attempt++)
        {
            await Task.Delay(200);
        }

        var mail = MailsTo(portal, DemoClinic.HeatherMilnerEmail).Last(m => m.Links.Any(l => l.Contains("/appointments/email/cancel", StringComparison.Ordinal)));
        mail.TextBody.ShouldNotContain("Check-up");
        return new Uri(mail.Links.Single(l => l.Contains("/appointments/email/cancel", StringComparison.Ordinal))).PathAndQuery;
    }

    [Theory]
    [InlineData("en", "Are you sure you want to cancel the appointment?")]
    [InlineData("fr", "Êtes-vous certain de vouloir annuler le rendez-vous?")]
    public async Task The_cancel_link_asks_first_cancels_on_the_post_and_then_no_longer_works(string language, string title)
    {
        await using var portal = await StartAsync();
        var heather = Browser(portal, "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync("en");
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await BookAndGetCancelLinkAsync(portal, heather);
        var stranger = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        await stranger.SwitchLanguageAsync(language);

        var page = await stranger.GetAsync(link);
        var again = await stranger.GetAsync(link);

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Response.Headers.CacheControl!.NoStore.ShouldBeTrue("the page shows an appointment to whoever holds the link");
        page.Text("page-title").ShouldBe(title);
        page.Text("details-practitioner").ShouldNotBeEmpty();
        page.Document.QuerySelector("[data-testid='back']").ShouldNotBeNull();
        again.Document.QuerySelector("[data-testid='cancel-appointment']").ShouldNotBeNull(); // GET changed nothing
        page.Document.Body!.TextContent.ShouldNotContain("Check-up");

        var token = new Uri(new Uri("https://portal.test"), link).Query.Split("t=")[1];
        (await stranger.PostWithoutTokenAsync(link, new Dictionary<string, string> { ["t"] = Uri.UnescapeDataString(token) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.GetAsync(link)).Document.QuerySelector("[data-testid='cancel-appointment']").ShouldNotBeNull();

        var cancelled = await Page.ParseAsync(await stranger.PostFormAsync(link, new Dictionary<string, string> { ["t"] = Uri.UnescapeDataString(token) }));
        cancelled.Document.QuerySelector("[data-testid='done-cancelled']").ShouldNotBeNull();
        var dead = await stranger.GetAsync(link);
        dead.Document.QuerySelector("[data-testid='link-error']").ShouldNotBeNull();
        dead.Document.QuerySelector("[data-testid='cancel-appointment']").ShouldBeNull();
        (await heather.GetAsync("/appointments")).Document.QuerySelector("[data-testid='upcoming']")!.TextContent.ShouldContain("Cancelled");
    }

    [Fact]
    public async Task A_link_used_in_a_browser_signed_in_to_another_family_cancels_and_still_tells_the_patient()
    {
        await using var portal = await StartAsync();
        var heather = Browser(portal, "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync("en");
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await BookAndGetCancelLinkAsync(portal, heather);
        var sophie = Browser(portal, "en-CA");
        (await sophie.SignInAsync(DemoClinic.SophieGagnonEmail, DemoClinic.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = Uri.UnescapeDataString(new Uri(new Uri("https://portal.test"), link).Query.Split("t=")[1]);
        var before = MailsTo(portal, DemoClinic.HeatherMilnerEmail).Count;

        var cancelled = await Page.ParseAsync(await sophie.PostFormAsync(link, new Dictionary<string, string> { ["t"] = token }));
        for (var attempt = 0; attempt < 50 && MailsTo(portal, DemoClinic.HeatherMilnerEmail).Count <= before; attempt++)
        {
            await Task.Delay(200);
        }

        cancelled.Document.QuerySelector("[data-testid='done-cancelled']").ShouldNotBeNull();
        MailsTo(portal, DemoClinic.HeatherMilnerEmail).Skip(before).ShouldContain(
            m => m.Subject.StartsWith("Appointment cancelled", StringComparison.Ordinal) || m.Subject.StartsWith("Rendez-vous annulé", StringComparison.Ordinal),
            "the cancellation notice reaches Heather whoever was signed in where the link was used");
    }

    [Fact]
    public async Task A_tampered_link_or_the_other_actions_page_shows_the_message_and_offers_nothing()
    {
        await using var portal = await StartAsync();
        var heather = Browser(portal, "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync("en");
        (await heather.SwitchToAsync(DemoClinic.NathanMilnerProfileId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await BookAndGetCancelLinkAsync(portal, heather);
        var stranger = Browser(portal, "en-CA");
        await stranger.SwitchLanguageAsync("en");

        var tampered = await stranger.GetAsync(link[..^3] + (link.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA"));
        var otherAction = await stranger.GetAsync(link.Replace("/cancel?", "/confirm?", StringComparison.Ordinal));
        var nothing = await stranger.GetAsync("/appointments/email/cancel");

        foreach (var page in new[] { tampered, otherAction, nothing })
        {
            page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.Text("link-error").ShouldStartWith("This link no longer works");
            page.Document.QuerySelector("[data-testid='appointment-details']").ShouldBeNull();
            page.Document.QuerySelector("[data-testid='cancel-appointment']").ShouldBeNull();
            page.Document.QuerySelector("[data-testid='confirm-appointment']").ShouldBeNull();
        }
    }
}
