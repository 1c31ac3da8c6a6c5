using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Security.SecurityPortal;

namespace PatientPortal.Host.Tests.Security;

/// <summary>
/// A5 reset links (single use, 60 minutes, sign out everywhere, never logged), A6 email changes (password, code to the
/// old address, link to the new one, notice to the old one, no address taken twice) and A11 password changes (other
/// browsers signed out).
/// </summary>
public sealed class CredentialChangeTests
{
    private const string Patient = PortalClient.DemoPatientEmail;
    private const string NewAddress = "heather.new@example.com";

    [Fact]
    public async Task A_reset_link_works_once()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        var link = await ResetLinkAsync(portal, client);

        var first = await client.PostFormAsync(link, Reset(NewPassword));
        var second = await client.PostFormAsync(link, Reset("Encore-Une-Fois-42!"));

        (await Page.ParseAsync(first)).Text("reset-done").ShouldNotBeEmpty();
        (await ErrorsAsync(second)).ShouldContain("This reset link is not valid any more");
        (await CanSignInAsync(portal, Patient, "Encore-Une-Fois-42!")).ShouldBeFalse();
        (await CanSignInAsync(portal, Patient, NewPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_reset_link_is_refused_after_60_minutes()
    {
        var clock = new TestClock();
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
    public async Task A_reset_signs_out_every_existing_session()
    {
        await using var portal = await StartAsync();
        var laptop = Browser(portal);
        var phone = Browser(portal);
        await laptop.SignInAsDemoPatientAsync();
        await phone.SignInAsDemoPatientAsync();
        var anywhere = Browser(portal);
        var link = await ResetLinkAsync(portal, anywhere);

        var reset = await anywhere.PostFormAsync(link, Reset(NewPassword));

        (await Page.ParseAsync(reset)).Text("reset-done").ShouldNotBeEmpty();
        (await laptop.IsSignedInAsync()).ShouldBeFalse();
        (await phone.IsSignedInAsync()).ShouldBeFalse();
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
    public async Task An_email_change_voids_the_reset_links_sent_before_it()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();
        var resetLink = await ResetLinkAsync(portal, Browser(portal));

        await client.PostFormAsync("/account/email", EmailChange(PortalClient.DemoPatientPassword, NewAddress));
        var code = CodeIn(await client.MailToAsync(Patient, count: 2));
        var link = PortalClient.LinkIn(await client.MailToAsync(NewAddress));
        (await Page.ParseAsync(await client.PostFormAsync(link, Confirmation(code)))).Text("email-changed").ShouldNotBeEmpty();

        var reset = await Browser(portal).PostFormAsync(resetLink, Reset(NewPassword, NewAddress));
        (await ErrorsAsync(reset)).ShouldContain("This reset link is not valid any more");
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
    public async Task An_address_taken_between_the_request_and_the_confirmation_is_refused()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();
        await client.PostFormAsync("/account/email", EmailChange(PortalClient.DemoPatientPassword, NewAddress));
        var code = CodeIn(await client.MailToAsync(Patient));
        var link = PortalClient.LinkIn(await client.MailToAsync(NewAddress));

        await Browser(portal).RegisterAndActivateAsync(portal, NewAddress, Password);
        var response = await client.PostFormAsync(link, Confirmation(code));

        (await ErrorsAsync(response)).ShouldContain("This email address is already used by another portal account.");
        (await CanSignInAsync(portal, Patient, PortalClient.DemoPatientPassword)).ShouldBeTrue();
        (await CanSignInAsync(portal, NewAddress, Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_password_change_in_one_browser_signs_out_the_others_and_keeps_this_one()
    {
        await using var portal = await StartAsync();
        var browserA = Browser(portal);
        var browserB = Browser(portal);
        await browserA.SignInAsDemoPatientInEnglishAsync();
        await browserB.SignInAsDemoPatientAsync();

        var response = await browserA.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = PortalClient.DemoPatientPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        (await Page.ParseAsync(response)).Text("password-changed").ShouldNotBeEmpty();
        (await browserA.IsSignedInAsync()).ShouldBeTrue();
        (await browserB.IsSignedInAsync()).ShouldBeFalse();
        (await CanSignInAsync(portal, Patient, PortalClient.DemoPatientPassword)).ShouldBeFalse();
        (await CanSignInAsync(portal, Patient, NewPassword)).ShouldBeTrue();
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
