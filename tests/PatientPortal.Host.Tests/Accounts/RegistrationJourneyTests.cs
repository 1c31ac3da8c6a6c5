using System.Net;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>The whole registration, over HTTP, on each database provider the portal supports.</summary>
public sealed class RegistrationJourneyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_patient_registers_activates_from_the_email_and_reaches_the_dashboard(DatabaseProvider provider)
    {
        await using var portal = await PortalFactory.CreateAsync(provider);
        var client = new PortalClient(portal, "en-CA");
        var email = $"journey-{Guid.NewGuid():N}@example.com";
        const string password = "Vert-Lac-2026!x";

        var registered = await client.PostFormAsync("/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.ConfirmEmail"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.FirstName"] = "Nathan",
            ["Input.LastName"] = "Milner",
            ["Input.DateOfBirth"] = "1990-02-18",
            ["Input.PrimaryPhone"] = "514 555-0142",
            ["Input.PrimaryPhoneType"] = "Mobile",
            ["Input.Language"] = "en",
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        registered.Headers.Location!.ToString().ShouldBe("/register/sent");

        var activation = await client.MailToAsync(email);
        activation.Subject.ShouldStartWith("Activate Your Account");
        var terms = await client.GetAsync(PortalClient.LinkIn(activation));
        terms.Text("page-title").ShouldBe("Terms and Conditions");

        var accepted = await client.PostFormAsync(PortalClient.LinkIn(activation), new Dictionary<string, string>
        {
            ["termsVersion"] = terms.Document.QuerySelector("input[name='termsVersion']")!.GetAttribute("value")!,
            ["password"] = password,
        });
        var dashboard = await client.FollowAsync(accepted);

        dashboard.Text("page-title").ShouldBe("Dashboard");
        dashboard.Text("signin-email").ShouldBe(email);
        dashboard.Text("profile-name").ShouldBe("Nathan Milner");
        (await client.MailToAsync(email, count: 2)).Subject.ShouldStartWith("Your portal account is active");
    }

    /// <summary>Whoever clicks the emailed link must also know the password chosen at registration (see ADR 0010).</summary>
    [Theory]
    [InlineData("en", "This is not the password chosen for this account.")]
    [InlineData("fr", "Ce n'est pas le mot de passe choisi pour ce compte.")]
    public async Task The_activation_page_asks_for_the_registration_password_and_a_wrong_one_signs_nobody_in(string language, string refusal)
    {
        await using var portal = await StartAsync();
        var client = new PortalClient(portal, language + "-CA");
        var registration = Registration("nathan.milner@example.com", Password);
        registration["Input.Language"] = language;
        (await client.PostFormAsync("/register", registration)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = PortalClient.LinkIn(await client.MailToAsync("nathan.milner@example.com"));

        var terms = await client.GetAsync(link);
        terms.Document.QuerySelector("input[name='password'][type='password']").ShouldNotBeNull();
        var refused = await client.PostFormAsync(link, new Dictionary<string, string> { ["termsVersion"] = "2026-01", ["password"] = "Someone-Else-11!" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(refused)).ShouldStartWith(refusal);
        (await client.IsSignedInAsync()).ShouldBeFalse();
        (await Page.ParseAsync(refused)).Document.QuerySelector("[data-testid='accept-terms']").ShouldNotBeNull("the form stays for another try");
    }
}
