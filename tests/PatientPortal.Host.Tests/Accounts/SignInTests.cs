using Microsoft.Extensions.Time.Testing;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// The login page over HTTP: only local redirects after sign-in, antiforgery, the same page and about the same time
/// for an unknown email, a wrong password and a locked account, a lockout kept across restarts, the resend-activation
/// button, and the per-address limit on credential forms (security checklist A2, A4, A12, C17). The lockout's rules
/// themselves are the module's (Modules.Accounts.Tests: SignInTests, ActivationTests).
/// </summary>
public sealed class SignInTests
{
    private const string InvalidCredentials = "The email or password provided do not match any records on our system.";

    private const string Unknown = "nobody.here@example.com";

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
    public async Task Login_answers_an_unknown_email_a_wrong_password_and_a_locked_account_identically()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.RegisterAndActivateAsync(portal, "locked.patient@example.com", Password);
        client = Browser(portal);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync("locked.patient@example.com", WrongPassword);
        }

        var unknown = await client.SignInAsync(Unknown, WrongPassword);
        var wrongPassword = await client.SignInAsync(PortalClient.DemoPatientEmail, WrongPassword);
        var locked = await client.SignInAsync("locked.patient@example.com", Password);

        foreach (var (response, email) in new[] { (wrongPassword, PortalClient.DemoPatientEmail), (locked, "locked.patient@example.com") })
        {
            response.StatusCode.ShouldBe(unknown.StatusCode);
            response.Headers.Location.ShouldBe(unknown.Headers.Location);
            ComparableHtml(await response.Content.ReadAsStringAsync(), email)
                .ShouldBe(ComparableHtml(await unknown.Content.ReadAsStringAsync(), Unknown), $"the answer for {email}");
        }

        (await ErrorsAsync(unknown)).ShouldBe("The email or password provided do not match any records on our system.");
    }

    /// <summary>
    /// An unknown email is checked against a decoy hash, and its failure is counted and written like a real account's,
    /// so the two cost the same. The throttle is raised so that no request is blocked (a blocked one does less work).
    /// </summary>
    /// <summary>
    /// The lockout as a weapon: five wrong passwords used to lock the account for everyone, its owner included. They
    /// now block the source they came from (with the same generic answer), not the owner's own network.
    /// </summary>
    [Fact]
    public async Task Five_wrong_passwords_block_their_source_with_the_generic_answer_and_the_owner_still_signs_in_from_elsewhere()
    {
        await using var portal = await StartAsync();
        portal.WithServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        var attacker = Browser(portal);
        attacker.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "203.0.113.7");

        var wrong = new List<Page>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            wrong.Add(await attacker.FollowAsync(await attacker.SignInAsync(PortalClient.DemoPatientEmail, $"{WrongPassword}{attempt}")));
        }

        var right = await attacker.SignInAsync(PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword);

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rightPage = await Page.ParseAsync(right);
        FormErrors(rightPage).ShouldBe(InvalidCredentials);
        wrong.ShouldAllBe(page => page.Response.StatusCode == HttpStatusCode.OK && FormErrors(page) == InvalidCredentials);
        ComparableHtml(rightPage.Document.DocumentElement.OuterHtml).ShouldBe(ComparableHtml(wrong[^1].Document.DocumentElement.OuterHtml));
        (await attacker.IsSignedInAsync()).ShouldBeFalse();
        var owner = Browser(portal);
        owner.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "198.51.100.20");
        (await owner.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the owner, from their own network, is not locked out");
    }

    /// <summary>
    /// Strangers lock the account with one wrong password from each of thirty networks: a browser that never signed in
    /// to it is refused even the right password, but the owner's browser (its known-device cookie) gets in, from a new
    /// network too.
    /// </summary>
    [Fact]
    public async Task The_owners_browser_signs_in_while_strangers_have_locked_the_account_from_many_networks()
    {
        await using var portal = await StartAsync();
        portal.WithServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        var owner = Browser(portal);
        owner.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "198.51.100.20");
        (await owner.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await owner.PostFormAsync("/", new Dictionary<string, string>(), "/logout")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        for (var network = 1; network <= 30; network++)
        {
            var stranger = Browser(portal);
            stranger.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, $"203.0.113.{network}");
            await stranger.SignInAsync(PortalClient.DemoPatientEmail, $"{WrongPassword}{network}");
        }

        var newcomer = Browser(portal);
        newcomer.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "192.0.2.50");
        FormErrors(await newcomer.FollowAsync(await newcomer.SignInAsDemoPatientAsync())).ShouldBe(InvalidCredentials);
        owner.Http.DefaultRequestHeaders.Remove(ClientAddressFromHeader.Header);
        owner.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "192.0.2.51");
        (await owner.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the owner's browser");
        (await owner.IsSignedInAsync()).ShouldBeTrue();
    }

    /// <summary>
    /// A restart is a new portal host over the same data folder (the same SQLite files and keys): its in-memory
    /// rate limiter starts empty, the lockout (columns of the account) does not. The first host stays up, idle, only
    /// because disposing it would delete the folder.
    /// </summary>
    [Fact]
    public async Task The_lock_is_kept_in_the_database_and_survives_a_restart()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        await using var before = await StartAsync(clock);
        var attacker = Browser(before);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.SignInAsync(PortalClient.DemoPatientEmail, WrongPassword);
        }

        await using var restarted = await StartAsync(clock, new Dictionary<string, string?> { ["Database:DataFolder"] = before.DataFolder });
        var refused = await Browser(restarted).SignInAsync(PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(refused)).ShouldBe(InvalidCredentials);
        clock.Advance(TimeSpan.FromMinutes(15));
        (await CanSignInAsync(restarted, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeTrue("the same data, once the lock ended");
    }

    /// <summary>"Send a new activation email" (on the login page, for an account not activated yet) also checks the password.</summary>
    [Fact]
    public async Task The_resend_activation_button_gives_the_generic_answer_on_a_locked_account()
    {
        await using var portal = await StartAsync();
        var attacker = Browser(portal);
        await RegisterPendingAsync(attacker, "pending.patient@example.com");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.SignInAsync("pending.patient@example.com", WrongPassword);
        }

        var page = await Page.ParseAsync(await ResendActivationAsync(attacker, "pending.patient@example.com", Password));

        FormErrors(page).ShouldBe(InvalidCredentials, "the right password on a locked account must get the generic answer");
        page.Document.QuerySelector("[data-testid='activation-sent']").ShouldBeNull();
        var signIn = await attacker.FollowAsync(await attacker.SignInAsync("pending.patient@example.com", Password));
        signIn.Document.QuerySelector("[data-testid='resend-activation']").ShouldBeNull("a locked account is not offered the resend button");
        (await MailsAfterTheJobRanAsync(portal, "pending.patient@example.com")).Count.ShouldBe(1, "only the registration's activation mail");
    }

    [Fact]
    public async Task Credential_posts_beyond_the_per_address_limit_get_429_whatever_the_account_or_form()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:CredentialPostsPerMinute"] = "3" });
        portal.WithServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        var attacker = Browser(portal);
        attacker.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "203.0.113.7");
        var patient = Browser(portal);
        patient.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "198.51.100.20");

        // Spraying one password over several accounts.
        foreach (var email in new[] { PortalClient.DemoPatientEmail, PortalClient.DemoAdminEmail, "someone@example.com" })
        {
            (await attacker.SignInAsync(email, "Printemps2026!")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await attacker.SignInAsync("another@example.com", "Printemps2026!")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await attacker.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = "another@example.com" }))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await attacker.PostFormAsync("/register", Registration("another@example.com", Password))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await attacker.GetAsync("/login")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "reading a page is not limited");
        (await patient.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect, "another address is not limited");
    }

    /// <summary>Registers an account and waits for its activation mail, but does not activate it.</summary>
    private static async Task RegisterPendingAsync(PortalClient client, string email)
    {
        (await client.PostFormAsync("/register", Registration(email, Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await client.MailToAsync(email);
    }

    private static Task<HttpResponseMessage> ResendActivationAsync(PortalClient client, string email, string password) =>
        client.PostFormAsync("/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, "/login?handler=Resend");
}
