using System.Net;
using PatientPortal.Host.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Modules.Profiles.Domain;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Profiles;

/// <summary>
/// Account settings over HTTP, review findings #2 and #7: a caregiver, or a parent of an adult, sees the name and birth
/// date and who manages the rest, and its posts are refused as if there were no link; a parent of a minor and the person
/// manage the personal information; a card another record holds is refused with one neutral message.
/// </summary>
public sealed class PersonalInformationScopePagesTests
{
    [Theory]
    [InlineData("en", "Relationship.Caregiver", "The personal information on Zoé Milner's file is managed by Zoé Milner (or their parent or guardian) and by the clinic.")]
    [InlineData("fr", "Relationship.Caregiver", "Les renseignements personnels du dossier de Zoé Milner sont gérés par cette personne (ou son parent ou tuteur) et par la clinique.")]
    [InlineData("en", "Relationship.ParentOfAdult", "The personal information on Zoé Milner's file is managed by Zoé Milner (or their parent or guardian) and by the clinic.")]
    public async Task A_caregiver_or_a_parent_of_an_adult_sees_the_name_and_birth_date_and_its_posts_are_refused(string language, string link, string managed)
    {
        await using var portal = await StartAsync();
        var (heatherAccount, _) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var zoe = link == "Relationship.Caregiver"
            ? await AttachChildAsync(portal, heatherAccount, "Zoé", "Milner", new DateOnly(2018, 3, 9), "MILZ18030912", relationship: Relationship.Caregiver)
            : await AttachChildAsync(portal, heatherAccount, "Zoé", "Milner", new DateOnly(2004, 3, 9), "MILZ04030912", basis: ConsentBasis.PatientConsent);
        var client = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        await client.SignInAsDemoPatientInEnglishAsync();
        await client.SwitchLanguageAsync(language);
        (await client.SwitchToAsync(zoe)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await RecordAsync(portal, zoe);

        var page = await client.GetAsync("/profile");
        var personal = await client.PostFormAsync("/profile?handler=Personal", PersonalForm("Hacked"), "/profile?handler=Personal");
        var notifications = await client.PostFormAsync("/profile?handler=Notifications", new Dictionary<string, string> { ["Notify.Reminders"] = "false" }, "/profile?handler=Notifications");
        var export = await client.Http.GetAsync("/profile/export");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Text("managed-elsewhere").ShouldBe(managed);
        page.Text("first-name").ShouldBe("Zoé");
        page.Text("date-of-birth").ShouldStartWith(before.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.Document.QuerySelector("form[action*='handler=Personal']").ShouldBeNull();
        page.Document.QuerySelector("[data-testid='notification-preferences']").ShouldBeNull();
        var body = page.Document.Body!.TextContent;
        body.ShouldNotContain("514 555-0142");
        body.ShouldNotContain(before.HealthInsuranceNumber!);
        personal.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notifications.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await export.Content.ReadAsStringAsync();
        json.ShouldContain("\"DateOfBirth\"");
        json.ShouldContain("\"ManagesPersonalInformation\": false");
        json.ShouldNotContain("514 555-0142");
        json.ShouldNotContain(before.HealthInsuranceNumber!);
        var after = await RecordAsync(portal, zoe);
        (after.FirstName, after.AddressLine, after.Notifications, after.UpdatedUtc).ShouldBe((before.FirstName, before.AddressLine, before.Notifications, before.UpdatedUtc));
        // Distinct: each POST's antiforgery token comes from a GET of the page (another summary read).
        (await ReadsAsync(portal, zoe)).Select(r => (r.What, r.Allowed)).Distinct().ShouldBe(
            [("switch", true), ("settings-summary", true), ("settings-update", false), ("notifications-update", false), ("export-summary", true)], ignoreOrder: true);
    }

    [Fact]
    public async Task A_parent_of_a_minor_changes_the_childs_personal_information_and_the_change_is_audited()
    {
        await using var portal = await StartAsync();
        var (heatherAccount, _) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var zoe = await AttachChildAsync(portal, heatherAccount, "Zoé", "Milner", new DateOnly(2018, 3, 9), "MILZ18030912", ProfileTabs.Appointments);
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();
        (await client.SwitchToAsync(zoe)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetAsync("/profile");
        page.Document.QuerySelector("[data-testid='managed-elsewhere']").ShouldBeNull();
        page.Document.QuerySelector("input[name='Input.PrimaryPhone']")!.GetAttribute("value").ShouldBe("514 555-0142");
        var saved = await client.PostFormAsync("/profile?handler=Personal", PersonalForm("Zoé"), "/profile?handler=Personal");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RecordAsync(portal, zoe)).AddressLine.ShouldBe("1224 rue Stanley");
        var change = (await ProfileChangesAsync(portal, zoe)).ShouldHaveSingleItem();
        (change.ActorAccountId, change.Role).ShouldBe((heatherAccount, ReaderRole.Proxy));
        change.FieldNames.ShouldContain("AddressLine");
    }

    [Theory]
    [InlineData("en", "This health insurance number cannot be saved online. Please contact the clinic.")]
    [InlineData("fr", "Ce numéro d'assurance maladie ne peut pas être enregistré en ligne. Veuillez communiquer avec la clinique.")]
    public async Task The_person_cannot_save_another_records_card_and_is_told_to_contact_the_clinic(string language, string message)
    {
        await using var portal = await StartAsync();
        var (heatherAccount, heather) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        await AttachChildAsync(portal, heatherAccount, "Zoé", "Milner", new DateOnly(2018, 3, 9), "MILZ18030912");
        var client = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        await client.SignInAsDemoPatientInEnglishAsync();
        await client.SwitchLanguageAsync(language);
        var cardBefore = (await RecordAsync(portal, heather)).HealthInsuranceNumber;

        var form = PersonalForm("Heather");
        form["Input.HealthInsuranceNumber"] = "MILZ 1803 0912";
        var refused = await Page.ParseAsync(await client.PostFormAsync("/profile?handler=Personal", form, "/profile?handler=Personal"));

        refused.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FormErrors(refused).ShouldBe(message);
        (await RecordAsync(portal, heather)).HealthInsuranceNumber.ShouldBe(cardBefore);
        (await ReadsAsync(portal, heather)).ShouldContain(r => r.What == "card-refused" && !r.Allowed);
    }
}
