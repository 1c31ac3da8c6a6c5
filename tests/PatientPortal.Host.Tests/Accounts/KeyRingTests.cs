using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// The Data Protection key ring that encrypts the sign-in cookie (security checklist E28): kept in the Accounts
/// database, so a restart and every other instance read the same keys, and encrypted there with the configured certificate.
/// </summary>
public sealed class KeyRingTests
{
    private const string AdminEmail = "direction@clinique.example";
    private const string AdminPassword = "Prod-Admin-Portail-2026!";

    private static readonly Dictionary<string, string?> Production = new()
    {
        ["Accounts:Admin:Email"] = AdminEmail,
        ["Accounts:Admin:Password"] = AdminPassword,
        ["RateLimits:CredentialPostsPerMinute"] = "1000",
    };

    [Fact]
    public async Task A_second_instance_on_the_same_PostgreSQL_database_accepts_the_first_one_s_sign_in_cookie()
    {
        await using var first = await PortalFactory.CreateAsync(DatabaseProvider.Postgres, Production, environment: "Production");
        var signIn = await Browser(first).SignInAsync(AdminEmail, AdminPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(signIn));
        var cookie = SignInCookie(signIn, "__Host-portal");

        // Another machine: the same database, a disk of its own.
        await using var second = first.AnotherInstance(dataFolder: Path.Combine(first.DataFolder, "second-instance"));

        (await GetWithCookieAsync(second, cookie)).StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance reads the first one's keys");
        (await GetWithCookieAsync(first, cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = await KeyRingInPostgresAsync(first);
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("EncryptedData"), "keys are encrypted at rest with the certificate");
        Directory.Exists(Path.Combine(first.DataFolder, "keys")).ShouldBeFalse("no key is written to disk");
    }

    [Fact]
    public async Task After_a_restart_on_SQLite_the_sign_in_cookie_still_works()
    {
        string cookie;
        PortalFactory after;
        await using (var before = await StartAsync())
        {
            cookie = SignInCookie(await Browser(before).SignInAsDemoPatientAsync(), "portal");
            after = before.AnotherInstance();
        }

        await using (after)
        {
            (await GetWithCookieAsync(after, cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>A cookie is only as good as its session: one naming another account than the session's is refused.</summary>
    [Fact]
    public async Task A_cookie_whose_session_belongs_to_another_account_is_refused()
    {
        await using var portal = await StartAsync();
        var signIn = await Browser(portal).SignInAsDemoPatientAsync();
        var cookie = SignInCookie(signIn, "portal");
        var format = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
        var ticket = format.Unprotect(cookie.Split('=', 2)[1])!;
        var claims = ticket.Principal.Claims.Select(c => c.Type == ClaimTypes.NameIdentifier ? new Claim(c.Type, Guid.NewGuid().ToString()) : c);
        var forged = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, ticket.Principal.Identity!.AuthenticationType)), ticket.Properties, ticket.AuthenticationScheme);

        (await GetWithCookieAsync(portal, cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await GetWithCookieAsync(portal, "portal=" + format.Protect(forged));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(refused).ShouldBe("/login");
    }

    private static string SignInCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> GetWithCookieAsync(PortalFactory portal, string cookie)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> KeyRingInPostgresAsync(PortalFactory portal)
    {
        await using var connection = new NpgsqlConnection(portal.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["ConnectionStrings:Accounts"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM accounts.\"DataProtectionKeys\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
