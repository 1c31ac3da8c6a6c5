using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// Changing the login email over HTTP: the form, the code mailed to the old address and the link to the new one, the
/// same page for a taken address, antiforgery (security checklist A6, A4, C17). The rules (tries, stamps, a taken
/// address) are the module's (Modules.Accounts.Tests: EmailChangeTests).
/// </summary>
public sealed class EmailChangeTests
{
    private const string Patient = PortalClient.DemoPatientEmail;

    private const string NewAddress = "heather.new@example.com";

    [Fact]
    public async Task Changing_the_email_needs_the_password()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        var response = await client.PostFormAsync("/account/email", EmailChange(WrongPassword, NewAddress));

        (await ErrorsAsync(response)).ShouldContain("The password is not correct.");
        (await MailsAfterTheJobRanAsync(portal, NewAddress)).ShouldBeEmpty();
        var dashboard = await client.GetAsync("/");
        dashboard.Text("signin-email").ShouldBe(Patient);
        dashboard.Document.QuerySelector("[data-testid='pending-email']").ShouldBeNull();
    }

    [Fact]
    public async Task A_new_email_takes_effect_only_with_the_old_address_code_and_the_new_address_link_and_the_old_address_is_told()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        (await Page.ParseAsync(await client.PostFormAsync("/account/email", EmailChange(PortalClient.DemoPatientPassword, NewAddress))))
            .Text("email-change-requested").ShouldNotBeEmpty();
        var code = CodeIn(await client.MailToAsync(Patient));
        var link = PortalClient.LinkIn(await client.MailToAsync(NewAddress));

        // Requested, not done: the old address still signs in, the new one does not.
        (await client.GetAsync("/")).Text("signin-email").ShouldBe(Patient);
        (await CanSignInAsync(portal, NewAddress, PortalClient.DemoPatientPassword)).ShouldBeFalse();
        (await CanSignInAsync(portal, Patient, PortalClient.DemoPatientPassword)).ShouldBeTrue();

        // The code alone (no link), or the link with a wrong code, changes nothing.
        var stranger = Browser(portal);
        (await ErrorsAsync(await stranger.PostFormAsync("/confirm-email", Confirmation(code))))
            .ShouldContain("This confirmation link is not valid any more.");
        (await ErrorsAsync(await stranger.PostFormAsync(link, Confirmation(WrongCodeFor(code))))).ShouldContain("The email or code is not correct.");
        (await CanSignInAsync(portal, NewAddress, PortalClient.DemoPatientPassword)).ShouldBeFalse();

        (await Page.ParseAsync(await stranger.PostFormAsync(link, Confirmation(code)))).Text("email-changed").ShouldNotBeEmpty();

        (await CanSignInAsync(portal, NewAddress, PortalClient.DemoPatientPassword)).ShouldBeTrue();
        (await CanSignInAsync(portal, Patient, PortalClient.DemoPatientPassword)).ShouldBeFalse();
        var notice = await client.MailToAsync(Patient, count: 2);
        notice.Subject.ShouldStartWith("Your login email was changed");
        notice.TextBody.ShouldContain(NewAddress);
    }

    [Fact]
    public async Task Confirming_a_new_email_keeps_this_browser_signed_in_and_signs_out_the_others()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();
        var elsewhere = Browser(portal);
        (await elsewhere.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await client.PostFormAsync("/account/email", EmailChange(PortalClient.DemoPatientPassword, NewAddress));
        var code = CodeIn(await client.MailToAsync(Patient));
        var link = PortalClient.LinkIn(await client.MailToAsync(NewAddress));

        (await Page.ParseAsync(await client.PostFormAsync(link, Confirmation(code)))).Text("email-changed").ShouldNotBeEmpty();

        (await client.IsSignedInAsync()).ShouldBeTrue("the browser that confirmed keeps its session");
        (await elsewhere.IsSignedInAsync()).ShouldBeFalse("whoever held the old address is signed out everywhere else");
    }

    [Theory]
    [InlineData(PortalClient.DemoAdminEmail)]
    [InlineData("ADMIN@Clinique-Saint-Laurent.example")]
    public async Task An_address_used_by_another_account_answers_like_a_free_one_but_never_becomes_the_login(string taken)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        var response = await client.PostFormAsync("/account/email", EmailChange(PortalClient.DemoPatientPassword, taken));

        // Same page as for a free address (A4: no flow reveals who has an account); the address's owner is told.
        (await Page.ParseAsync(response)).Text("email-change-requested").ShouldNotBeEmpty();
        (await client.MailToAsync(PortalClient.DemoAdminEmail)).Subject.ShouldContain("email address");
        (await MailsAfterTheJobRanAsync(portal, Patient)).ShouldBeEmpty("no code: there is nothing to confirm");
        (await CanSignInAsync(portal, Patient, PortalClient.DemoPatientPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task Changing_the_email_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Password"] = PortalClient.DemoPatientPassword,
            ["Input.NewEmail"] = "attacker@example.com",
            ["Input.ConfirmEmail"] = "attacker@example.com",
        };

        var withoutToken = await client.PostWithoutTokenAsync("/account/email", fields);
        var attackerToken = await Browser(portal).TokenAsync();
        var withAttackersToken = await client.PostWithoutTokenAsync("/account/email", new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = attackerToken });

        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withAttackersToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MailsAfterTheJobRanAsync(portal, "attacker@example.com")).ShouldBeEmpty();
        (await client.GetAsync("/")).Document.QuerySelector("[data-testid='pending-email']").ShouldBeNull();
    }

    private static Dictionary<string, string> EmailChange(string password, string newEmail) => new()
    {
        ["Input.Password"] = password,
        ["Input.NewEmail"] = newEmail,
        ["Input.ConfirmEmail"] = newEmail,
    };

    private static Dictionary<string, string> Confirmation(string code) => new()
    {
        ["Input.Email"] = NewAddress,
        ["Input.Code"] = code,
    };

    private static string WrongCodeFor(string code) => code == "000000" ? "111111" : "000000";
}
