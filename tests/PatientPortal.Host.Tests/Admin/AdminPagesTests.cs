using System.Net;
using Shouldly;
using static PatientPortal.Host.Tests.Security.SecurityPortal;

namespace PatientPortal.Host.Tests.Security;

/// <summary>A12 only local redirects after sign-in, B16 admin pages for staff only, C17 no state change without the antiforgery token.</summary>
public sealed class AccessTests
{
    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/login")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_never_redirects_off_the_portal(string returnUrl)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var signIn = await client.SignInAsync(PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword, returnUrl);
        var alreadySignedIn = await client.Http.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldBe("/");
        alreadySignedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        alreadySignedIn.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Sign_in_follows_a_local_return_url()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var signIn = await client.SignInAsync(PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword, "/account/password?from=mail");

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldBe("/account/password?from=mail");
    }

    [Fact]
    public async Task The_login_page_sends_an_anonymous_visitor_back_where_they_were_going_on_the_portal()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var challenge = await client.Http.GetAsync("/account/password");
        var loginUrl = new Uri(new Uri("https://localhost/"), challenge.Headers.Location!).PathAndQuery;
        var signIn = await client.PostFormAsync("/login", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalClient.DemoPatientEmail,
            ["Input.Password"] = PortalClient.DemoPatientPassword,
        }, loginUrl);

        LocationPath(challenge).ShouldBe("/login");
        new Uri(new Uri("https://localhost/"), signIn.Headers.Location!).AbsolutePath.ShouldBe("/account/password");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_from_admin_pages()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var response = await client.Http.GetAsync("/admin/invitations");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(response).ShouldBe("/login");
    }

    [Fact]
    public async Task A_patient_gets_403_from_admin_pages_and_cannot_invite()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var page = await client.Http.GetAsync("/admin/invitations");
        var invite = await client.Http.PostAsync("/admin/invitations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "friend@example.com",
            ["Input.FirstName"] = "Ami",
            ["Input.LastName"] = "Proche",
            ["Input.DateOfBirth"] = "1980-01-01",
            ["Input.Language"] = "fr",
            ["__RequestVerificationToken"] = await client.TokenAsync("/"),
        }));

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        invite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MailsAfterTheJobRanAsync(portal, "friend@example.com")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_admin_opens_the_admin_pages()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword);

        var page = await client.GetAsync("/admin/invitations");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-testid='invitations']").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/Identity/Account/Manage")]
    public async Task The_built_in_English_only_Identity_pages_do_not_exist(string path)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var page = await client.GetAsync(path);

        page.Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
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

    [Fact]
    public async Task Changing_the_password_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var response = await client.PostWithoutTokenAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = PortalClient.DemoPatientPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, NewPassword)).ShouldBeFalse();
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeTrue();
        (await client.IsSignedInAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Logging_out_without_the_antiforgery_token_or_over_GET_is_refused_and_changes_nothing()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var post = await client.PostWithoutTokenAsync("/logout", new Dictionary<string, string>());
        await client.Http.GetAsync("/logout");

        post.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.IsSignedInAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_in_without_the_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.GetAsync("/login");

        var response = await client.PostWithoutTokenAsync("/login", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalClient.DemoPatientEmail,
            ["Input.Password"] = PortalClient.DemoPatientPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("portal=", StringComparison.Ordinal));
        (await client.IsSignedInAsync()).ShouldBeFalse();
    }
}
