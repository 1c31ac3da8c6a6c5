using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// The session cookie over HTTP: cookies and HSTS outside Development, a logged-out cookie is dead, an expired session
/// sends the browser to login, and the cookie and idle warning follow the module's limits (security checklist A8, A9,
/// A10, C17). When a session ends (idle, 12 hours, logout) is the module's (Modules.Accounts.Tests: SessionTests).
/// </summary>
public sealed partial class SessionTests
{
    private const string AdminEmail = "direction@clinique.example";
    private const string AdminPassword = "Prod-Admin-Portail-2026!";

    private static readonly Dictionary<string, string?> Production = new()
    {
        ["Portal:PublicUrl"] = "https://localhost",
        ["Accounts:Admin:Email"] = AdminEmail,
        ["Accounts:Admin:Password"] = AdminPassword,
    };

    [Fact]
    public async Task Outside_Development_the_sign_in_cookie_is_host_only_secure_httponly_and_lax()
    {
        await using var portal = await StartAsync(settings: Production, environment: "Production");
        var client = Browser(portal);

        var response = await client.SignInAsync(AdminEmail, AdminPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = SetCookies(response).Where(c => c.StartsWith("__Host-portal=", StringComparison.Ordinal)).ShouldHaveSingleItem();
        var attributes = Attributes(cookie);
        attributes.ShouldContain("secure");
        attributes.ShouldContain("httponly");
        attributes.ShouldContain("samesite=lax");
        attributes.ShouldContain("path=/");
        attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal));
        SetCookies(response).ShouldNotContain(c => c.StartsWith("portal=", StringComparison.Ordinal));
        (await client.IsSignedInAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Outside_Development_the_antiforgery_cookie_is_host_only_and_secure_and_no_cookie_goes_out_unsecured()
    {
        await using var portal = await StartAsync(settings: Production, environment: "Production");
        var client = Browser(portal);

        var page = await client.GetAsync("/login");
        var signIn = await client.SignInAsync(AdminEmail, AdminPassword);

        var antiforgery = SetCookies(page.Response).Where(c => c.StartsWith("__Host-", StringComparison.Ordinal)).ShouldHaveSingleItem();
        Attributes(antiforgery).ShouldContain("secure");
        Attributes(antiforgery).ShouldContain("httponly");
        Attributes(antiforgery).ShouldContain("path=/");
        SetCookies(page.Response).Concat(SetCookies(signIn)).ShouldAllBe(c => Attributes(c).Contains("secure"));
    }

    /// <summary>
    /// ASP.NET Core never sends HSTS to localhost (HstsOptions.ExcludedHosts), so this asks as a browser would, for the
    /// clinic's own name.
    /// </summary>
    [Fact]
    public async Task Outside_Development_https_answers_carry_HSTS()
    {
        await using var portal = await StartAsync(settings: Production, environment: "Production");
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portail.clinique.example/"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/login");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldStartWith("max-age=");
    }

    /// <summary>ASVS 4.0.3 14.4.5 (the checklist's anchor for A8) asks for a max-age of at least 15724800 seconds (six months).</summary>
    [Fact]
    public async Task HSTS_asks_browsers_to_keep_to_https_for_at_least_six_months()
    {
        await using var portal = await StartAsync(settings: Production, environment: "Production");
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portail.clinique.example/"), AllowAutoRedirect = false });

        var hsts = (await client.GetAsync("/login")).Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem();

        long.Parse(MaxAge().Match(hsts).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(15724800, hsts);
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_is_dead_after_it()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        var signIn = await client.SignInAsDemoPatientAsync();
        var copied = SetCookies(signIn).Single(c => c.StartsWith("portal=", StringComparison.Ordinal)).Split(';')[0];
        var replay = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false, HandleCookies = false });
        (await GetWithCookieAsync(replay, copied)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lives");

        var logout = await client.PostFormAsync("/", new Dictionary<string, string>(), "/logout");

        LocationPath(logout).ShouldBe("/login");
        var replayed = await GetWithCookieAsync(replay, copied);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(replayed).ShouldBe("/login");
        (await client.IsSignedInAsync()).ShouldBeFalse();
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
    public async Task After_31_idle_minutes_login_is_required()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        await using var portal = await StartAsync(clock);
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        clock.Advance(TimeSpan.FromMinutes(31));

        (await client.IsSignedInAsync()).ShouldBeFalse();
        clock.Advance(TimeSpan.FromMinutes(1));
        (await client.IsSignedInAsync()).ShouldBeFalse("an expired session does not come back");
    }

    /// <summary>The host reads the session limits from the Accounts module, not from configuration of its own.</summary>
    [Fact]
    public async Task The_cookie_and_the_idle_warning_follow_the_module_s_session_limits()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["Accounts:IdleTimeout"] = "00:20:00",
            ["Accounts:AbsoluteSessionLifetime"] = "08:00:00",
        });
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var dashboard = await client.GetAsync("/");

        dashboard.Document.QuerySelector("[data-testid='session-warning']")!.GetAttribute("data-idle-seconds").ShouldBe("1200");
        portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).ExpireTimeSpan.ShouldBe(TimeSpan.FromHours(8));
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    /// <summary>A Set-Cookie header's attributes, lower-cased, without the name and value.</summary>
    private static List<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();

    [GeneratedRegex(@"max-age=(\d+)")]
    private static partial Regex MaxAge();
}
