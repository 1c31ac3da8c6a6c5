using System.Net;
using PatientPortal.Host.Tests.Accounts;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Profiles.ProfilesPortal;

namespace PatientPortal.Host.Tests.Profiles;

/// <summary>Account settings (the PROFILE tab) over HTTP: saves, messages in both languages, notification choices, never cached.</summary>
public sealed class AccountSettingsTests
{
    [Theory]
    [InlineData("en", "Account settings", "Enter a postal code such as H3B 2S7.", "Your changes were saved.")]
    [InlineData("fr", "Paramètres du compte", "Entrez un code postal comme H3B 2S7.", "Vos modifications ont été enregistrées.")]
    public async Task The_patient_saves_their_own_details_and_sees_each_message_in_their_language(string language, string title, string postalCodeError, string saved)
    {
        await using var portal = await StartAsync();
        var (_, heather) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var client = Browser(portal, language == "fr" ? "fr-CA" : "en-CA");
        (await client.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await client.SwitchLanguageAsync(language);

        var page = await client.GetAsync("/profile");
        page.Text("page-title").ShouldBe(title);
        page.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        page.Document.QuerySelector("[data-testid='acting-for']").ShouldBeNull();
        page.Document.QuerySelector("input[name='Input.HealthInsuranceNumber']")!.GetAttribute("value").ShouldBe("MILH89542712");

        var form = PersonalForm("Heather");
        form["Input.PostalCode"] = "H3B";
        var refused = await Page.ParseAsync(await client.PostFormAsync("/profile?handler=Personal", form, "/profile?handler=Personal"));
        refused.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FormErrors(refused).ShouldBe(postalCodeError);
        (await RecordAsync(portal, heather)).PostalCode.ShouldBeNull();

        form["Input.PostalCode"] = "h3b 2s7";
        var done = await client.FollowAsync(await client.PostFormAsync("/profile?handler=Personal", form, "/profile?handler=Personal"));
        done.Text("saved").ShouldBe(saved);
        (await RecordAsync(portal, heather)).PostalCode.ShouldBe("H3B 2S7");
    }

    [Fact]
    public async Task Unticked_notification_choices_are_saved_as_off()
    {
        await using var portal = await StartAsync();
        var (_, heather) = await OwnProfileAsync(portal, PortalClient.DemoPatientEmail);
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        // The page posts a hidden "false" after each box: a ticked box sends "true" first.
        var saved = await client.PostFormAsync("/profile?handler=Notifications", new Dictionary<string, string>
        {
            ["Notify.Reminders"] = "true",
            ["Notify.AppointmentEmails"] = "false",
            ["Notify.NewCommunicationEmails"] = "false",
        }, "/profile?handler=Notifications");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var record = await RecordAsync(portal, heather);
        (record.Notifications.AppointmentEmails, record.Notifications.Reminders, record.Notifications.NewCommunicationEmails).ShouldBe((false, true, false));
        var page = await client.GetAsync("/profile");
        page.Document.QuerySelector("[data-testid='notify-reminders']")!.HasAttribute("checked").ShouldBeTrue();
        page.Document.QuerySelector("[data-testid='notify-appointments']")!.HasAttribute("checked").ShouldBeFalse();
    }

    [Fact]
    public async Task Signed_in_pages_are_never_stored_by_the_browser()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        foreach (var url in new[] { "/", "/profiles", "/appointments" })
        {
            var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(url);
        }
    }
}
