using Microsoft.Extensions.Time.Testing;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// "Forgot your password?" and the reset page over HTTP: the same page for an unknown email, an expired link's page,
/// no token in logs or referrers, the recovery PIN field (security checklist A4, A5). The link's rules (single use,
/// 60 minutes, tries, sessions ended) are the module's (Modules.Accounts.Tests: PasswordResetTests).
/// </summary>
public sealed class PasswordResetTests
{
    private const string Patient = PortalClient.DemoPatientEmail;

    private const string Invited = "invited.patient@example.com";

    private const string Unknown = "nobody.here@example.com";

    [Fact]
    public async Task Forgot_password_answers_an_unknown_email_exactly_as_a_real_one_and_only_the_owner_gets_mail()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var real = await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = PortalClient.DemoPatientEmail });
        var unknown = await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = Unknown });

        real.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(real.StatusCode);
        ComparableHtml(await unknown.Content.ReadAsStringAsync(), Unknown)
            .ShouldBe(ComparableHtml(await real.Content.ReadAsStringAsync(), PortalClient.DemoPatientEmail));
        (await Page.ParseAsync(real)).Text("reset-sent").ShouldNotBeEmpty();
        (await client.MailToAsync(PortalClient.DemoPatientEmail)).Links.ShouldHaveSingleItem();
        MailsTo(portal, Unknown).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reset_link_is_refused_after_60_minutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        await using var portal = await StartAsync(clock);
        var client = Browser(portal);
        await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = Patient });
        var link = PortalClient.LinkIn(await MailToAsync(portal, clock, Patient));

        clock.Advance(TimeSpan.FromMinutes(58));
        (await client.GetAsync(link)).Document.QuerySelector("[data-testid='password']").ShouldNotBeNull("shortly before 60 minutes");
        clock.Advance(TimeSpan.FromMinutes(2));
        var page = await client.GetAsync(link);
        var response = await client.PostFormAsync(link, Reset(NewPassword));

        page.Document.QuerySelector("[data-testid='password']").ShouldBeNull("after 60 minutes");
        FormErrors(page).ShouldContain("This reset link is not valid any more");
        (await ErrorsAsync(response)).ShouldContain("This reset link is not valid any more");
        (await CanSignInAsync(portal, Patient, NewPassword)).ShouldBeFalse();
        (await CanSignInAsync(portal, Patient, PortalClient.DemoPatientPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_reset_link_is_never_logged_nor_sent_on_as_a_referrer()
    {
        var logs = new CapturedLogs();
        await using var portal = await StartAsync();
        portal.WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var client = Browser(portal);
        var link = await ResetLinkAsync(portal, client);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];

        var page = await client.GetAsync(link);
        await client.PostFormAsync(link, Reset(NewPassword));

        page.Response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        logs.Lines.ShouldNotBeEmpty();
        logs.Lines.ShouldNotContain(line => line.Contains(token, StringComparison.Ordinal) || line.Contains(Uri.UnescapeDataString(token), StringComparison.Ordinal));
        logs.Lines.ShouldNotContain(line => line.Contains(NewPassword, StringComparison.Ordinal));
    }

    /// <summary>Quebec clinics: the invitation asks for a recovery PIN and the privacy policy, and the reset page then asks for the PIN.</summary>
    [Fact]
    public async Task After_a_Quebec_invitation_the_reset_page_asks_for_the_recovery_PIN()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?> { ["Accounts:QuebecInvitations"] = "true" });
        await InviteAsync(await SignedInStaffAsync(portal), Invited, healthCard: "ROYC 8511 0212");
        var patient = Browser(portal);
        var invitation = await patient.PostFormAsync(PortalClient.LinkIn(await patient.MailToAsync(Invited)), new Dictionary<string, string>
        {
            ["Input.Email"] = Invited,
            ["Input.Code"] = "0212",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.Pin"] = "4821",
            ["Input.AcceptPrivacyPolicy"] = "true",
        });
        invitation.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(invitation));
        (await patient.PostFormAsync(invitation.Headers.Location!.ToString(), new Dictionary<string, string> { ["termsVersion"] = "2026-01" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var anyone = Browser(portal);
        await anyone.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = Invited });
        var link = PortalClient.LinkIn(await anyone.MailToAsync(Invited, count: 3));
        (await anyone.GetAsync(link)).Document.QuerySelector("[data-testid='pin']").ShouldNotBeNull();
        var reset = await anyone.PostFormAsync(link, Reset(NewPassword, Invited));

        (await ErrorsAsync(reset)).ShouldContain("not correct", Case.Insensitive, "without the PIN");
        (await Page.ParseAsync(await anyone.PostFormAsync(link, new Dictionary<string, string>(Reset(NewPassword, Invited)) { ["Input.Pin"] = "4821" }))).Text("reset-done").ShouldNotBeEmpty();
        (await CanSignInAsync(portal, Invited, NewPassword)).ShouldBeTrue();
    }

    /// <summary>Asks for a reset of the demo patient's password and returns the link of the mail it sends.</summary>
    private static async Task<string> ResetLinkAsync(PortalFactory portal, PortalClient client)
    {
        var before = MailsTo(portal, Patient).Count;
        await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = Patient });
        return PortalClient.LinkIn(await client.MailToAsync(Patient, before + 1));
    }

    private static Dictionary<string, string> Reset(string password, string email = Patient) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>Every log line the portal writes, with the portal's own log levels.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose() { }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
