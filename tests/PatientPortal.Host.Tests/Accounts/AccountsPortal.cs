using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Host.DevMailbox;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>What the account page tests share: a portal with a clock and a roomy rate limit, accounts, mail and page helpers.</summary>
internal static partial class AccountsPortal
{
    /// <summary>Strong, and on no breached list.</summary>
    public const string Password = "Kx7#mPq2-Lune";

    /// <summary>Another strong password, for changes and resets.</summary>
    public const string NewPassword = "Vr4$tBn8-Soleil";

    public const string WrongPassword = "Wrong-Guess-77!";

    /// <summary>
    /// The real portal on a fresh SQLite database. The rate limit is raised (tests post more than 10 forms a minute)
    /// unless <paramref name="settings"/> says otherwise; with a <paramref name="clock"/>, the portal's time is the test's.
    /// </summary>
    public static async Task<PortalFactory> StartAsync(FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var all = new Dictionary<string, string?> { ["RateLimits:CredentialPostsPerMinute"] = "1000", ["RateLimits:ConnectionPostsPerHour"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var portal = await PortalFactory.CreateAsync(settings: all, environment: environment);
        if (clock is not null)
        {
            portal.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        }

        return portal;
    }

    /// <summary>
    /// A browser on https://localhost. (PortalClient's own options would otherwise reset the factory's https base
    /// address to WebApplicationFactoryClientOptions' default, http://localhost.)
    /// </summary>
    public static PortalClient Browser(PortalFactory portal, string language = "en-CA")
    {
        var client = new PortalClient(portal, language);
        client.Http.BaseAddress = new Uri("https://localhost/");
        return client;
    }

    /// <summary>The register form, filled in for an adult with an English account.</summary>
    public static Dictionary<string, string> Registration(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.ConfirmEmail"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.FirstName"] = "Alex",
        ["Input.LastName"] = "Tremblay",
        ["Input.DateOfBirth"] = "1990-05-17",
        ["Input.PrimaryPhone"] = "514 555-0199",
        ["Input.PrimaryPhoneType"] = "Mobile",
        ["Input.Language"] = "en",
    };

    /// <summary>Registers, follows the activation link and accepts the terms: the client is then signed in.</summary>
    public static async Task RegisterAndActivateAsync(this PortalClient client, PortalFactory portal, string email, string password)
    {
        var before = MailsTo(portal, email).Count;
        var registered = await client.PostFormAsync("/register", Registration(email, password));
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(registered));

        var link = PortalClient.LinkIn(await client.MailToAsync(email, before + 1));
        var activated = await client.PostFormAsync(link, new Dictionary<string, string> { ["termsVersion"] = "2026-01", ["password"] = password });
        activated.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(activated));
        activated.Headers.Location!.ToString().ShouldBe("/");
    }

    /// <summary>The demo clinic admin, signed in, having set up the authenticator app the admin area requires.</summary>
    public static async Task<PortalClient> SignedInStaffAsync(PortalFactory portal)
    {
        var staff = Browser(portal);
        (await staff.SignInAsync(PortalClient.DemoAdminEmail, PortalClient.DemoAdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await staff.SetUpAuthenticatorAsync(PortalClient.DemoAdminPassword);
        return staff;
    }

    /// <summary>Staff invite a patient from the invitations page.</summary>
    /// <returns>The clinic code the page shows staff once.</returns>
    public static async Task<string> InviteAsync(PortalClient staff, string email, string? healthCard = null)
    {
        var page = await staff.FollowAsync(await staff.PostFormAsync("/admin/invitations", InvitationForm(email, healthCard)));
        page.Text("invitation-sent").ShouldNotBeEmpty();
        return page.Document.QuerySelector("[data-testid='clinic-code']")?.TextContent.Trim() ?? "";
    }

    /// <summary>The invitations page's form, filled in for an adult invited in English.</summary>
    public static Dictionary<string, string> InvitationForm(string email, string? healthCard = null) => new()
    {
        ["Input.Email"] = email,
        ["Input.FirstName"] = "Camille",
        ["Input.LastName"] = "Roy",
        ["Input.DateOfBirth"] = "1985-11-02",
        ["Input.HealthCardNumber"] = healthCard ?? "",
        ["Input.Language"] = "en",
    };

    /// <summary>Signs the demo patient in and switches to English (pages and emails), so messages can be read in one language.</summary>
    public static async Task SignInAsDemoPatientInEnglishAsync(this PortalClient client)
    {
        (await client.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await client.SwitchLanguageAsync("en");
    }

    /// <summary>A sign-in that worked redirects; a refused one shows the login page again.</summary>
    public static async Task<bool> CanSignInAsync(PortalFactory portal, string email, string password) =>
        (await Browser(portal).SignInAsync(email, password)).StatusCode == HttpStatusCode.Redirect;

    /// <summary>Whether the client's cookie still opens the dashboard (a signed-out browser is sent to /login).</summary>
    public static async Task<bool> IsSignedInAsync(this PortalClient client)
    {
        var response = await client.Http.GetAsync("/");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LocationPath(response).ShouldBe("/login");
        return false;
    }

    /// <summary>The path a redirect points to, whether the Location is relative or absolute.</summary>
    public static string LocationPath(HttpResponseMessage response) =>
        new Uri(new Uri("https://localhost/"), response.Headers.Location!).AbsolutePath;

    /// <summary>The antiforgery token of a page that has a form (the header's language toggle is on every page).</summary>
    public static async Task<string> TokenAsync(this PortalClient client, string pageUrl = "/login") => (await client.GetAsync(pageUrl)).AntiforgeryToken;

    /// <summary>Posts as a cross-site form would: the browser's cookies go along, but no antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostWithoutTokenAsync(this PortalClient client, string url, IDictionary<string, string> fields) =>
        client.Http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>The messages of the page's error summary (empty when there are none).</summary>
    public static string FormErrors(Page page) =>
        page.Document.QuerySelector("[data-testid='form-errors']")?.TextContent.Trim() ?? "";

    public static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK ? FormErrors(await Page.ParseAsync(response)) : $"HTTP {(int)response.StatusCode}";

    /// <summary>The page's HTML without what differs on every response (antiforgery tokens) and without the given echoed values.</summary>
    public static string ComparableHtml(string html, params string[] echoed)
    {
        foreach (var value in echoed)
        {
            html = html.Replace(WebUtility.HtmlEncode(value), "{echoed}", StringComparison.Ordinal).Replace(value, "{echoed}", StringComparison.Ordinal);
        }

        return AntiforgeryValue().Replace(html, "value=\"{token}\"");
    }

    public static IReadOnlyList<EmlMessage> MailsTo(PortalFactory portal, string address) =>
        Directory.Exists(portal.MailFolder)
            ? Directory.GetFiles(portal.MailFolder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(EmlMessage.Read)
                .Where(m => m.To.Equals(address, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];

    /// <summary>Gives the mail job (every second in tests) time to send anything queued, then lists what this address got.</summary>
    public static async Task<IReadOnlyList<EmlMessage>> MailsAfterTheJobRanAsync(PortalFactory portal, string address)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        return MailsTo(portal, address);
    }

    /// <summary>
    /// Waits for a mail when the portal runs on a <see cref="FakeTimeProvider"/>. The portal's Quartz scheduler takes the
    /// container's clock too, so a clock that stands still stops the mail job after its first run: this moves it on a
    /// second at a time while waiting, as time would.
    /// </summary>
    public static async Task<EmlMessage> MailToAsync(PortalFactory portal, FakeTimeProvider clock, string to, int count = 1)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
            if (MailsTo(portal, to) is { } mails && mails.Count >= count)
            {
                return mails[^1];
            }
        }

        throw new TimeoutException($"No mail #{count} to {to} arrived.");
    }

    /// <summary>The six-digit code in a mail.</summary>
    public static string CodeIn(EmlMessage mail)
    {
        var code = SixDigits().Match(mail.TextBody).Value;
        code.ShouldNotBeEmpty($"no code in \"{mail.Subject}\"");
        return code;
    }

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}

/// <summary>
/// The in-memory test server has no client address, so every test client would share one "IP". This lets a test
/// say which address a request comes from (X-Test-Client-Ip), as the connection would in production.
/// </summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
