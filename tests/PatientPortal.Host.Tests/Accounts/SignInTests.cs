using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Security.SecurityPortal;

namespace PatientPortal.Host.Tests.Security;

/// <summary>
/// A2. Guessing passwords: five wrong ones lock the account for 15 minutes (kept in the database, so a restart does not
/// lift it), the answer never says so, each client address gets only a few credential posts a minute, and the other
/// places that check a password (resend activation, the change forms' current password) are no way around the lock.
/// </summary>
public sealed class GuessingTests
{
    private const string InvalidCredentials = "The email or password provided do not match any records on our system.";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_then_gets_the_same_generic_answer()
    {
        await using var portal = await StartAsync();
        var attacker = Browser(portal);

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
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeFalse("the owner, from another browser, is locked out too");
    }

    /// <summary>
    /// Five checked guesses, then 15 minutes in which even the right password fails, again and again: at most 5
    /// guesses per 15 minutes are ever checked, about 20 an hour, well under the 100 an hour the checklist allows.
    /// </summary>
    [Fact]
    public async Task The_lock_lasts_15_minutes_and_comes_back_so_an_hour_of_guessing_checks_about_20_passwords()
    {
        var clock = new TestClock();
        await using var portal = await StartAsync(clock);
        var attacker = Browser(portal);

        for (var window = 1; window <= 4; window++)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await attacker.SignInAsync(PortalClient.DemoPatientEmail, WrongPassword);
            }

            foreach (var wait in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1) })
            {
                clock.Advance(wait);
                (await attacker.SignInAsync(PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).StatusCode
                    .ShouldBe(HttpStatusCode.OK, $"lock {window}: the right password was accepted during the lock");
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeTrue("an hour later, after the fourth lock");
    }

    /// <summary>
    /// A restart is a new portal host over the same data folder (the same SQLite files and keys): its in-memory
    /// rate limiter starts empty, the lockout (columns of the account) does not. The first host stays up, idle, only
    /// because disposing it would delete the folder.
    /// </summary>
    [Fact]
    public async Task The_lock_is_kept_in_the_database_and_survives_a_restart()
    {
        var clock = new TestClock();
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
        (await MailsAfterTheJobRanAsync(portal, "pending.patient@example.com")).Count.ShouldBe(1, "only the registration's activation mail");
    }

    [Fact]
    public async Task Wrong_passwords_sent_through_the_resend_activation_button_count_toward_the_lock()
    {
        await using var portal = await StartAsync();
        var attacker = Browser(portal);
        await RegisterPendingAsync(attacker, "pending.patient@example.com");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await ErrorsAsync(await ResendActivationAsync(attacker, "pending.patient@example.com", WrongPassword))).ShouldBe(InvalidCredentials);
        }

        var page = await attacker.FollowAsync(await attacker.SignInAsync("pending.patient@example.com", Password));

        FormErrors(page).ShouldBe(InvalidCredentials, "after 5 wrong passwords the account should be locked, and say nothing more");
        page.Document.QuerySelector("[data-testid='resend-activation']").ShouldBeNull();
    }

    /// <summary>
    /// The password change and email change forms ask for the current password (re-authentication). If 101 wrong
    /// answers in a row are all checked, the 102nd, right one goes through: more than 100 failures an hour were
    /// checked for one account, by anyone holding a session (a borrowed device, a stolen cookie).
    /// </summary>
    [Theory]
    [InlineData("/account/password")]
    [InlineData("/account/email")]
    public async Task The_current_password_on_the_change_forms_cannot_be_guessed_more_than_100_times_an_hour(string form)
    {
        await using var portal = await StartAsync();
        var holder = Browser(portal);
        await holder.SignInAsDemoPatientInEnglishAsync();
        var token = await holder.TokenAsync("/");
        Dictionary<string, string> Fields(string password) => form == "/account/password"
            ? new() { ["Input.OldPassword"] = password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword, ["__RequestVerificationToken"] = token }
            : new() { ["Input.Password"] = password, ["Input.NewEmail"] = "taken.over@example.com", ["Input.ConfirmEmail"] = "taken.over@example.com", ["__RequestVerificationToken"] = token };

        var first = await holder.Http.PostAsync(form, new FormUrlEncodedContent(Fields($"{WrongPassword}1")));
        (await ErrorsAsync(first)).ShouldContain("password", Case.Insensitive, "a wrong current password is answered as such");
        for (var guess = 2; guess <= 101; guess++)
        {
            await holder.Http.PostAsync(form, new FormUrlEncodedContent(Fields($"{WrongPassword}{guess}")));
        }

        var right = await holder.Http.PostAsync(form, new FormUrlEncodedContent(Fields(PortalClient.DemoPatientPassword)));

        var done = right.StatusCode == HttpStatusCode.OK
            && (await Page.ParseAsync(right)).Document.QuerySelector("[data-testid='password-changed'], [data-testid='email-change-requested']") is not null;
        done.ShouldBeFalse($"the right current password was accepted at {form} after 101 wrong ones");
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
