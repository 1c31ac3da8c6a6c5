using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Security.SecurityPortal;

namespace PatientPortal.Host.Tests.Security;

/// <summary>
/// A8 cookies and transport outside Development, A9 a logged-out cookie is dead, A10 sessions end after 30 idle minutes
/// or 12 hours whatever the activity.
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
    public async Task After_29_idle_minutes_the_session_is_still_open()
    {
        var clock = new TestClock();
        await using var portal = await StartAsync(clock);
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        clock.Advance(TimeSpan.FromMinutes(29));

        (await client.IsSignedInAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task After_31_idle_minutes_login_is_required()
    {
        var clock = new TestClock();
        await using var portal = await StartAsync(clock);
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        clock.Advance(TimeSpan.FromMinutes(31));

        (await client.IsSignedInAsync()).ShouldBeFalse();
        clock.Advance(TimeSpan.FromMinutes(1));
        (await client.IsSignedInAsync()).ShouldBeFalse("an expired session does not come back");
    }

    [Fact]
    public async Task After_12_hours_login_is_required_even_for_a_patient_active_every_20_minutes()
    {
        var clock = new TestClock();
        await using var portal = await StartAsync(clock);
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await client.IsSignedInAsync()).ShouldBeTrue($"active, after {minutes} minutes");
        }

        // 12 h 1 min after signing in, 21 minutes after the last click.
        clock.Advance(TimeSpan.FromMinutes(21));
        (await client.IsSignedInAsync()).ShouldBeFalse("after 12 h 1 min");
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
