using System.Net;
using PatientPortal.Modules.Accounts.Contracts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Profiles;

/// <summary>
/// Issue 11, item 1: the dashboard as the guide shows it, on the demo clinic, in both languages: Sign-in Details,
/// Attached Profiles with their state and the age-of-consent message, Upcoming Appointments of every profile in a
/// For / Date / Doctor table.
/// </summary>
public sealed class DashboardTests
{
    [Theory]
    [InlineData("en", "Dashboard", new[] { "Sign-in Details", "Attached Profiles", "Upcoming Appointments" }, new[] { "For", "Date", "Doctor" }, "Last changed:",
        "This patient is passed the age of consent. You no longer have access to their file.")]
    [InlineData("fr", "Tableau de bord", new[] { "Information de connexion", "Profils attachés", "Prochains rendez-vous" }, new[] { "Au nom de", "Date", "Intervenant" }, "Dernier changement :",
        "Ce patient a passé l'âge de consentement. Vous n'avez plus accès à son dossier.")]
    public async Task The_demo_patient_s_dashboard_has_the_guide_s_three_sections_and_labels(
        string language, string title, string[] sections, string[] columns, string passwordChanged, string ageOfConsent)
    {
        await using var portal = await StartAsync();
        var heather = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        (await heather.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await heather.SwitchLanguageAsync(language);

        var dashboard = await heather.GetAsync("/");

        dashboard.Text("page-title").ShouldBe(title);
        dashboard.Document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ShouldBe(sections);
        dashboard.Text("signin-email").ShouldBe(DemoClinic.HeatherMilnerEmail);
        dashboard.Text("password-changed-on").ShouldStartWith(passwordChanged);

        // Heather, her son Nathan, and Hugo whose access ended at the age of consent, with the guide's message.
        var profiles = dashboard.Document.QuerySelectorAll("[data-testid='attached-profile']");
        profiles.Select(p => p.QuerySelector("[data-testid='attached-profile-name']")!.TextContent.Trim())
            .ShouldBe(["Heather Milner", "Nathan Milner", "Hugo Lévesque"], ignoreOrder: true);
        var hugo = profiles.Single(p => p.TextContent.Contains("Hugo", StringComparison.Ordinal));
        hugo.QuerySelector("[data-testid='age-of-consent-message']")!.TextContent.Trim().ShouldBe(ageOfConsent);
        profiles.Where(p => p != hugo).ShouldAllBe(p => p.QuerySelector("[data-testid='attached-profile-state']") != null);

        // Every profile's upcoming appointments, the For column first as in the guide.
        var table = dashboard.Document.QuerySelector("[data-testid='dashboard-upcoming']")!;
        table.QuerySelectorAll("thead th").Take(3).Select(th => th.TextContent.Trim()).ShouldBe(columns);
        var rows = table.QuerySelectorAll("tbody tr");
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.QuerySelector("td")!.GetAttribute("data-testid") == "appointment-for");
        rows.Select(r => r.QuerySelector("[data-testid='appointment-for']")!.TextContent.Trim()).ShouldContain("Nathan Milner");
    }
}
