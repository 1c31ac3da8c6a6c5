using System.Net;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.Host.Tests.Accounts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Profiles;

/// <summary>
/// security.md B15 over HTTP: the portal's clock reaches the child's 14th birthday (midnight in Montreal, 04:00 UTC
/// after the spring change) while the parent has the child's pages open. The very next request to the settings page,
/// the download link, the switch and a tab is refused, with nothing of the child's record, and no job has to have run;
/// the dashboard keeps the child with the guide's message.
/// </summary>
public sealed class AgeOfConsentPagesTests
{
    private static readonly DateOnly Birthday = new(2026, 3, 9);
    private static readonly DateTimeOffset Midnight = new(2026, 3, 9, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "This patient is passed the age of consent. You no longer have access to their file.", "Dashboard")]
    [InlineData("fr", "Ce patient a passé l'âge de consentement. Vous n'avez plus accès à son dossier.", "Tableau de bord")]
    public async Task On_the_14th_birthday_the_parents_next_requests_are_refused_and_the_dashboard_says_why(string language, string message, string dashboardTitle)
    {
        var clock = new FakeTimeProvider(Midnight.AddMinutes(-10));
        await using var portal = await StartAsync(clock);
        var (heatherAccount, _) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail, clock);
        var theo = await AttachChildAsync(portal, heatherAccount, "Théo", "Bouchard", Birthday.AddYears(-14), "BOUT12030912");
        var heather = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync(language);
        (await heather.SwitchToAsync(theo)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The instant before midnight, everything works.
        clock.SetUtcNow(Midnight.AddTicks(-1));
        var opened = await heather.GetAsync("/profile");
        opened.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        opened.Text("profile-name").ShouldBe("Théo Bouchard");
        (await heather.Http.GetAsync("/profile/export")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await heather.Http.GetAsync("/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);

        clock.SetUtcNow(Midnight);
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            // The page the parent had open, reloaded (the browser still sends the selection cookie).
            ["settings (open page)"] = await heather.Http.GetAsync("/profile"),
            ["export link"] = await heather.SendWithSelectionAsync(HttpMethod.Get, "/profile/export", theo, language: language),
            ["tab"] = await heather.SendWithSelectionAsync(HttpMethod.Get, "/appointments", theo, language: language),
            ["save"] = await heather.SendWithSelectionAsync(HttpMethod.Post, "/profile?handler=Personal", theo, PersonalForm("Théo", "Bouchard"), language),
            ["switch"] = await heather.SwitchToAsync(theo),
        };
        foreach (var (what, response) in responses)
        {
            IsRefused(response).ShouldBeTrue($"{what}: HTTP {(int)response.StatusCode}");
            var body = await BodyAsync(response);
            body.ShouldNotContain("BOUT", Case.Insensitive, what);
            body.ShouldNotContain("2012-03-09", Case.Insensitive, what);
        }

        var dashboard = await heather.GetAsync("/");
        dashboard.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        dashboard.Text("page-title").ShouldBe(dashboardTitle);
        dashboard.Text("profile-name").ShouldBe("Heather Milner");
        var theoRow = dashboard.Document.QuerySelectorAll("[data-testid='attached-profile']").Single(r => r.TextContent.Contains("Théo Bouchard", StringComparison.Ordinal));
        theoRow.GetAttribute("data-state").ShouldBe("Revoked");
        theoRow.QuerySelector("[data-testid='age-of-consent-message']")!.TextContent.Trim().ShouldBe(message);
        theoRow.QuerySelector("[data-testid='select-profile']").ShouldBeNull();

        var reads = await ReadsAsync(portal, theo);
        reads.Where(r => r.ReadUtc >= Midnight).ShouldAllBe(r => !r.Allowed);
        reads.Where(r => r.ReadUtc < Midnight).ShouldAllBe(r => r.Allowed);
        reads.Where(r => r.ReadUtc >= Midnight).Select(r => r.What).ShouldContain("switch");
    }
}
