using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// Two-step sign-in over HTTP (security.md A7): the code page and its cookie, a replayed code, the admin area refusing
/// a staff session that has not passed the authenticator app, the set-up page, and antiforgery on every form.
/// </summary>
public sealed class TwoStepTests
{
    private static Dictionary<string, string> Code(string code, bool trust = false) =>
        trust ? new() { ["Input.Code"] = code, ["Input.TrustThisBrowser"] = "true" } : new() { ["Input.Code"] = code };

    /// <summary>The demo patient turns on the app in one browser; returns its key.</summary>
    private static async Task<string> PatientWithAppAsync(PortalFactory portal)
    {
        var setUp = Browser(portal);
        (await setUp.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await setUp.SetUpAuthenticatorAsync(PortalClient.DemoPatientPassword);
    }

    [Fact]
    public async Task With_the_app_on_the_password_leads_to_the_code_page_without_signing_in_and_the_code_signs_in()
    {
        await using var portal = await StartAsync();
        var key = await PatientWithAppAsync(portal);
        var client = Browser(portal);

        var password = await client.SignInAsync(PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword, "/account/password");

        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(password).ShouldBe("/login/code");
        SetCookieNames(password).ShouldContain("portal-2fa");
        SetCookieNames(password).ShouldNotContain("portal");
        (await client.IsSignedInAsync()).ShouldBeFalse();
        var code = await client.PostFormAsync(password.Headers.Location!.ToString(), Code(PortalClient.CodeFor(key, 1)));
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(code));
        code.Headers.Location!.ToString().ShouldBe("/account/password");
        (await client.IsSignedInAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("en-CA", "This code is not valid")]
    [InlineData("fr-CA", "Ce code n'est pas valide")]
    public async Task A_replayed_code_is_refused_in_the_visitors_language(string language, string message)
    {
        await using var portal = await StartAsync();
        var key = await PatientWithAppAsync(portal);
        var code = PortalClient.CodeFor(key, 1);
        var first = Browser(portal, language);
        await first.SignInAsDemoPatientAsync();
        (await first.PostFormAsync("/login/code", Code(code))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var second = Browser(portal, language);
        await second.SignInAsDemoPatientAsync();
        var replay = await second.PostFormAsync("/login/code", Code(code));

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        FormErrors(await Page.ParseAsync(replay)).ShouldContain(message);
        (await second.IsSignedInAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task The_code_page_without_a_pending_sign_in_goes_back_to_login_and_refuses_a_post_without_antiforgery()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var page = await client.Http.GetAsync("/login/code");
        var crossSite = await client.PostWithoutTokenAsync("/login/code", Code("123456"));

        LocationPath(page).ShouldBe("/login");
        crossSite.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_staff_session_without_the_app_is_sent_to_set_it_up_and_refused_every_admin_post()
    {
        await using var portal = await StartAsync();
        var staff = Browser(portal);

        var signIn = await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword, "/admin/invitations");
        LocationPath(signIn).ShouldBe("/account/two-step/authenticator");
        var page = await staff.Http.GetAsync("/admin/staff");
        var post = await staff.Http.PostAsync("/admin/invitations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "friend@example.com",
            ["Input.FirstName"] = "Ami",
            ["Input.LastName"] = "Proche",
            ["Input.DateOfBirth"] = "1980-01-01",
            ["Input.Language"] = "fr",
            ["__RequestVerificationToken"] = await staff.TokenAsync("/"),
        }));

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(page).ShouldBe("/account/two-step/authenticator");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MailsAfterTheJobRanAsync(portal, "friend@example.com")).ShouldBeEmpty();

        var setUp = await staff.GetAsync("/account/two-step/authenticator?returnUrl=%2Fadmin%2Fstaff");
        setUp.Text("staff-must-set-up").ShouldNotBeEmpty();
        await staff.SetUpAuthenticatorAsync(PortalClient.DemoAdminPassword);
        (await staff.Http.GetAsync("/admin/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// The claim is only a cache of the server's record: a cookie minted with the portal's own keys (as a stolen key
    /// ring would allow) that claims the second factor for a session that never passed it opens nothing.
    /// </summary>
    [Fact]
    public async Task A_cookie_claiming_the_second_factor_for_a_session_that_did_not_pass_it_is_rejected()
    {
        await using var portal = await StartAsync();
        var staff = Browser(portal);
        var signIn = await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword);
        var cookie = SetCookies(signIn).Single(c => c.StartsWith("portal=", StringComparison.Ordinal));
        var value = cookie["portal=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        var format = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
        var ticket = format.Unprotect(value).ShouldNotBeNull();
        ((ClaimsIdentity)ticket.Principal.Identity!).AddClaim(new Claim(PortalAuthentication.SecondFactorClaim, "1"));
        var forged = format.Protect(ticket);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/staff");
        request.Headers.Add("Cookie", "portal=" + forged);
        var response = await Browser(portal).Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(response).ShouldBe("/login");
    }

    [Fact]
    public async Task Staff_with_the_app_give_a_code_at_every_sign_in_and_are_never_offered_a_trusted_browser()
    {
        await using var portal = await StartAsync();
        var enrolled = Browser(portal);
        await enrolled.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword);
        var key = await enrolled.SetUpAuthenticatorAsync(PortalClient.DemoAdminPassword);
        var staff = Browser(portal);

        var signIn = await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword, "/admin/staff");
        LocationPath(signIn).ShouldBe("/login/code");
        var page = await staff.FollowAsync(signIn);
        page.Document.QuerySelector("[data-testid='trust-browser']").ShouldBeNull();
        var code = await staff.PostFormAsync(signIn.Headers.Location!.ToString(), Code(PortalClient.CodeFor(key, 1), trust: true));

        code.Headers.Location!.ToString().ShouldBe("/admin/staff");
        SetCookieNames(code).ShouldNotContain("portal-tb");
        (await staff.Http.GetAsync("/admin/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_trusted_browser_skips_the_code_at_the_next_sign_in()
    {
        await using var portal = await StartAsync();
        var key = await PatientWithAppAsync(portal);
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();
        var code = await client.PostFormAsync("/login/code", Code(PortalClient.CodeFor(key, 1), trust: true));
        SetCookieNames(code).ShouldContain("portal-tb");
        await client.Http.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await client.TokenAsync("/") }));
        (await client.IsSignedInAsync()).ShouldBeFalse();

        var again = await client.SignInAsDemoPatientAsync();

        again.Headers.Location!.ToString().ShouldBe("/");
        (await client.IsSignedInAsync()).ShouldBeTrue();
        var settings = await client.GetAsync("/account/two-step");
        settings.Document.QuerySelectorAll("[data-testid='trusted-browser']").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Outside_Development_the_pending_sign_in_cookie_is_host_only_secure_httponly_and_strict()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["Portal:PublicUrl"] = "https://localhost",
            ["Accounts:Admin:Email"] = "admin@clinic.example",
            ["Accounts:Admin:Password"] = "Adm1n-Strong-Pass!",
        }, environment: "Production");
        var admin = Browser(portal);
        await admin.SignInAsync("admin@clinic.example", "Adm1n-Strong-Pass!");
        var key = await admin.SetUpAuthenticatorAsync("Adm1n-Strong-Pass!");
        var client = Browser(portal);

        var password = await client.SignInAsync("admin@clinic.example", "Adm1n-Strong-Pass!");

        var cookie = SetCookies(password).Where(c => c.StartsWith("__Host-portal-2fa=", StringComparison.Ordinal)).ShouldHaveSingleItem();
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        attributes.ShouldContain("secure");
        attributes.ShouldContain("httponly");
        attributes.ShouldContain("samesite=strict");
        attributes.ShouldContain("path=/");
        key.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_set_up_page_shows_the_QR_code_as_a_data_image_the_content_security_policy_allows_and_is_not_cached()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var page = await client.GetAsync("/account/two-step/authenticator");

        page.Document.QuerySelector("[data-testid='qr-code']")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        page.Text("authenticator-key").ShouldMatch("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$");
        page.Response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("img-src 'self' data:");
        page.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await client.PostWithoutTokenAsync("/account/two-step/authenticator", Code("123456"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task With_the_app_on_the_reset_page_asks_for_a_code_and_refuses_the_link_alone()
    {
        await using var portal = await StartAsync();
        var key = await PatientWithAppAsync(portal);
        var client = Browser(portal);
        await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = PortalClient.DemoPatientEmail });
        await client.MailToAsync(PortalClient.DemoPatientEmail, 2); // the "two-step verification is on" notice, then the link
        var link = PortalClient.LinkIn(MailsTo(portal, PortalClient.DemoPatientEmail).Last(m => m.Links.Count > 0));
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = PortalClient.DemoPatientEmail,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        };

        (await client.GetAsync(link)).Document.QuerySelector("[data-testid='code']").ShouldNotBeNull();
        var refused = await client.PostFormAsync(link, fields);
        (await ErrorsAsync(refused)).ShouldNotBeEmpty();
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, NewPassword)).ShouldBeFalse();

        fields["Input.Code"] = PortalClient.CodeFor(key, 1);
        var reset = await Page.ParseAsync(await client.PostFormAsync(link, fields));
        reset.Text("reset-done").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Turning_the_app_off_needs_a_code()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();
        var key = await client.SetUpAuthenticatorAsync(PortalClient.DemoPatientPassword);

        var refused = await Page.ParseAsync(await client.PostFormAsync("/account/two-step?handler=TurnOff", Code("000000")));
        FormErrors(refused).ShouldNotBeEmpty();
        refused.Text("two-step-status").ShouldContain("authenticator app");

        var off = await Page.ParseAsync(await client.PostFormAsync("/account/two-step?handler=TurnOff", Code(PortalClient.CodeFor(key, 1))));
        off.Text("two-step-status").ShouldContain("password only");
    }

    [Theory]
    [InlineData("en", "Too many codes were emailed to you in the last hour.")]
    [InlineData("fr", "Trop de codes vous ont été envoyés par courriel dans la dernière heure.")]
    public async Task A_sixth_emailed_code_within_the_hour_is_refused_with_a_message_in_the_account_s_language(string language, string message)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        (await client.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await client.SwitchLanguageAsync(language);
        for (var i = 0; i < 5; i++)
        {
            FormErrors(await Page.ParseAsync(await client.PostFormAsync("/account/two-step?handler=StartEmail", new Dictionary<string, string>()))).ShouldBeEmpty();
        }

        var refused = await Page.ParseAsync(await client.PostFormAsync("/account/two-step?handler=StartEmail", new Dictionary<string, string>()));

        FormErrors(refused).ShouldContain(message);
        refused.Document.QuerySelector("[data-testid='email-code']").ShouldNotBeNull("the last code sent can still be typed");
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    private static List<string> SetCookieNames(HttpResponseMessage response) =>
        SetCookies(response).Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).ToList();
}
