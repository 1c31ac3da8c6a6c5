using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PatientPortal.Host.DevMailbox;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests;

/// <summary>A browser-like client: keeps cookies, posts forms with their antiforgery token, reads the dev mailbox.</summary>
internal sealed class PortalClient(PortalFactory portal, string language = "fr-CA")
{
    public const string DemoPatientEmail = "heather.milner@example.com";
    public const string DemoPatientPassword = "Portail-Demo-2026!";
    public const string DemoAdminEmail = "admin@clinique-saint-laurent.example";
    public const string DemoAdminPassword = "Admin-Portail-2026!";

    public HttpClient Http { get; } = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = portal.ClientOptions.BaseAddress });

    public Task<Page> GetAsync(string url) => Page.GetAsync(Http, url, language);

    /// <summary>Opens the form's page to get its token, then posts the fields as the form would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var page = await GetAsync(pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = page.AntiforgeryToken };
        using var request = new HttpRequestMessage(HttpMethod.Post, action ?? pageUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Accept-Language", language);
        return await Http.SendAsync(request);
    }

    /// <summary>Follows redirects (as a browser would) and parses the final page.</summary>
    public async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        var hops = 0;
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
        {
            response = await Http.GetAsync(response.Headers.Location!.ToString());
        }

        return await Page.ParseAsync(response);
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null) =>
        await PostFormAsync("/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password },
            returnUrl is null ? "/login" : "/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

    /// <summary>The FRANÇAIS/ENGLISH toggle; signed in, it also becomes the account's language.</summary>
    public Task<HttpResponseMessage> SwitchLanguageAsync(string language) =>
        PostFormAsync("/forgot-password", new Dictionary<string, string> { ["language"] = language, ["returnUrl"] = "/" }, "/Language");

    public Task<HttpResponseMessage> SignInAsDemoPatientAsync() => SignInAsync(DemoPatientEmail, DemoPatientPassword);

    /// <summary>
    /// Sets up the authenticator app from its page as a phone would (it reads the typed key) and confirms it with the
    /// current code and the account's password. Staff are sent there by the admin area until they have done it.
    /// </summary>
    /// <returns>The key, to compute later codes with <see cref="CodeFor"/>.</returns>
    /// <summary>The key of the app this browser's account set up last (see <see cref="SetUpAuthenticatorAsync"/>).</summary>
    public string? AuthenticatorKey { get; private set; }

    public async Task<string> SetUpAuthenticatorAsync(string password)
    {
        var page = await GetAsync("/account/two-step/authenticator");
        var key = page.Text("authenticator-key").Replace(" ", "", StringComparison.Ordinal);
        var response = await PostFormAsync("/account/two-step/authenticator", new Dictionary<string, string> { ["Input.Code"] = CodeFor(key), ["Input.Password"] = password });
        var done = await Page.ParseAsync(response);
        done.Document.QuerySelectorAll("[data-testid='recovery-code']").Length.ShouldBe(10);
        AuthenticatorKey = key;
        return key;
    }

    /// <summary>
    /// The app's code now, or <paramref name="steps"/> periods of 30 s away. A code is accepted once: a second sign-in in
    /// the same 30 s uses the next period's code (the portal allows one step of drift).
    /// </summary>
    public static string CodeFor(string key, int steps = 0) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    /// <summary>Waits (the mail job runs every second in tests) for the newest mail to this address.</summary>
    public Task<EmlMessage> MailToAsync(string to, int count = 1) =>
        WaitForMailAsync(to, mails => mails.Count >= count ? mails[^1] : null, $"mail #{count}");

    /// <summary>Waits for the newest mail to this address whose subject starts so, whatever came before or after it.</summary>
    public Task<EmlMessage> MailStartingWithAsync(string to, string subject) =>
        WaitForMailAsync(to, mails => mails.LastOrDefault(m => m.Subject.StartsWith(subject, StringComparison.Ordinal)), $"\"{subject}…\"");

    private async Task<EmlMessage> WaitForMailAsync(string to, Func<List<EmlMessage>, EmlMessage?> pick, string what)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // Write times order mails sent within the same second, which the Date header cannot.
            var mails = Directory.Exists(portal.MailFolder)
                ? Directory.GetFiles(portal.MailFolder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(EmlMessage.Read)
                    .Where(m => m.To.Equals(to, StringComparison.OrdinalIgnoreCase)).ToList()
                : [];
            if (pick(mails) is { } mail)
            {
                return mail;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No {what} to {to} arrived.");
    }

    /// <summary>The path and query of the mail's first portal link, to follow it with this client.</summary>
    public static string LinkIn(EmlMessage mail) => new Uri(mail.Links[0]).PathAndQuery;
}
