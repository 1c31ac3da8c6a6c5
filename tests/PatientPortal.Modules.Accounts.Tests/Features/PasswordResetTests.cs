using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientPortal.Modules.Accounts.Domain;

namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>ForgotPassword, GetPasswordReset and ResetPassword: the emailed link, its lifetime, its tries, the recovery PIN.</summary>
public sealed class PasswordResetTests
{
    private const string NewPassword = "Autre-Riviere-77?";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_reset_link_works_once_within_60_minutes_and_ends_every_session(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        await accounts.ForgotPasswordAsync(email);
        var token = await accounts.TokenMailedToAsync(email);
        accounts.Clock.Advance(TimeSpan.FromMinutes(59));

        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, null))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new TouchSession(session.SessionId, session.AccountId))).ShouldFailWith("Accounts.SessionExpired");
        (await accounts.SendAsync(new ResetPassword(token, email, "Third-Pass-99!", "Third-Pass-99!", null))).ShouldFailWith("Accounts.ResetLinkInvalid");
        (await accounts.SendAsync(new SignIn(email, NewPassword, null))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
    }

    [Fact]
    public async Task A_reset_link_dies_after_60_minutes()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        await accounts.ForgotPasswordAsync(email);
        var token = await accounts.TokenMailedToAsync(email);
        accounts.Clock.Advance(TimeSpan.FromMinutes(60));

        (await accounts.SendAsync(new GetPasswordReset(token))).ShouldFailWith("Accounts.ResetLinkInvalid");
        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, null))).ShouldFailWith("Accounts.ResetLinkInvalid");
    }

    /// <summary>
    /// Enumeration by timing: the form used to issue a token, render a mail and commit only for a real account. Now it
    /// does the same single write for any address, and the job does the rest.
    /// </summary>
    [Fact]
    public async Task Forgot_password_does_the_same_work_for_an_unknown_email_as_for_an_account_and_only_the_account_gets_mail()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        var (tokens, mails) = (await accounts.QueryAsync(db => db.Tokens.CountAsync()), await accounts.QueryAsync(db => db.QueuedEmails.CountAsync()));

        (await accounts.SendAsync(new ForgotPassword(email))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new ForgotPassword("nobody@example.com"))).IsSuccess.ShouldBeTrue();

        (await accounts.QueryAsync(db => db.PasswordResetRequests.Select(r => r.Email).ToListAsync())).ShouldBe([email, "nobody@example.com"], ignoreOrder: true);
        (await accounts.QueryAsync(db => db.Tokens.CountAsync())).ShouldBe(tokens, "no work for the account before the answer");
        (await accounts.QueryAsync(db => db.QueuedEmails.CountAsync())).ShouldBe(mails);

        await accounts.SendPasswordResetsAsync();

        (await accounts.QueryAsync(db => db.PasswordResetRequests.CountAsync())).ShouldBe(0);
        (await accounts.MailsToAsync(email))[^1].Subject.ShouldStartWith("Réinitialisez");
        (await accounts.MailsToAsync("nobody@example.com")).ShouldBeEmpty();
    }

    /// <summary>Wrong PINs block their source like wrong passwords; a later link with the right PIN still resets, and ends the block.</summary>
    [Fact]
    public async Task Wrong_recovery_PINs_count_toward_the_lockout_across_reset_links_and_the_right_PIN_then_ends_it()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:QuebecInvitations"] = "true" });
        var email = Builders.Email();
        await PatientWithRecoveryPinAsync(accounts, email, "4821");

        for (var link = 0; link < 2; link++)
        {
            await accounts.ForgotPasswordAsync(email);
            var token = await accounts.TokenMailedToAsync(email);
            for (var guess = 0; guess < 3; guess++)
            {
                await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, $"000{guess}"));
            }
        }

        // Six wrong PINs blocked this source: even the right password is refused from it.
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
        await accounts.ForgotPasswordAsync(email);
        (await accounts.SendAsync(new ResetPassword(await accounts.TokenMailedToAsync(email), email, NewPassword, NewPassword, "4821"))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, NewPassword, null))).IsSuccess.ShouldBeTrue("the reset ended the block");
    }

    /// <summary>
    /// Someone holding the mailbox guesses the recovery PIN with ten tries on one link at once: the link's five are
    /// counted before any answer is checked, so no more than five are ever checked, and then the link is spent.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Parallel_answers_on_one_reset_link_get_five_checked_at_most(DatabaseProvider provider)
    {
        var hasher = new AllAtOnceHasher(burst: 5);
        await using var accounts = await AccountsHarness.CreateAsync(
            provider, new() { ["Accounts:QuebecInvitations"] = "true" }, replace: s => s.AddSingleton<IPasswordHasher<Account>>(hasher));
        var email = Builders.Email();
        await PatientWithRecoveryPinAsync(accounts, email, "4821");
        await accounts.ForgotPasswordAsync(email);
        var token = await accounts.TokenMailedToAsync(email);

        hasher.Armed = true;
        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, $"00{i:00}")))));

        burst.Count(r => r.Errors.Single().Key == AccountErrors.ResetDetailsWrong).ShouldBeLessThanOrEqualTo(4, "the fifth wrong answer spends the link");
        burst.ShouldAllBe(r => r.Errors.Single().Key == AccountErrors.ResetDetailsWrong || r.Errors.Single().Key == AccountErrors.ResetLinkInvalid);
        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, "4821"))).ShouldFailWith(AccountErrors.ResetLinkInvalid);
    }

    /// <summary>
    /// Someone holding the mailbox asks for link after link, from network after network, to guess the PIN five at a time:
    /// ten wrong PINs a day for the address, then even the right one waits.
    /// </summary>
    [Fact]
    public async Task Wrong_recovery_PINs_are_capped_per_address_across_links_and_networks()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:QuebecInvitations"] = "true" });
        var email = Builders.Email();
        await PatientWithRecoveryPinAsync(accounts, email, "4821");
        for (var link = 0; link < 3; link++)
        {
            accounts.Current.Source = $"203.0.113.{link}";
            await accounts.ForgotPasswordAsync(email);
            var token = await accounts.TokenMailedToAsync(email);
            if (link == 2)
            {
                (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, "4821"))).ShouldFailWith(AccountErrors.TooManyAttempts);
                accounts.Clock.Advance(TimeSpan.FromMinutes(16));
                (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, "4821"))).IsSuccess.ShouldBeTrue("the block ends; the link still works");
                return;
            }

            for (var guess = 0; guess < 5; guess++)
            {
                await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, $"10{link}{guess}"));
            }
        }
    }

    /// <summary>Mail flooding: anyone may ask, again and again, but one address gets at most five links an hour.</summary>
    [Fact]
    public async Task Forgot_password_mails_one_address_at_most_five_times_an_hour_with_the_usual_answer()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        for (var ask = 0; ask < 10; ask++)
        {
            await accounts.ForgotPasswordAsync(email);
        }

        var resets = (await accounts.MailsToAsync(email)).Count(m => m.Subject.StartsWith("Réinitialisez", StringComparison.Ordinal));
        resets.ShouldBe(4, "with the activation link, five links in the hour");
        accounts.Clock.Advance(TimeSpan.FromHours(1));
        await accounts.ForgotPasswordAsync(email);
        (await accounts.MailsToAsync(email)).Count(m => m.Subject.StartsWith("Réinitialisez", StringComparison.Ordinal)).ShouldBe(5);
    }

    /// <summary>The limit is per asking source too: an attacker who floods the address does not use up its owner's links.</summary>
    [Fact]
    public async Task Flooding_an_address_with_reset_requests_does_not_stop_its_owner_s_own_link()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        accounts.Current.Source = "203.0.113.7";
        for (var ask = 0; ask < 10; ask++)
        {
            await accounts.ForgotPasswordAsync(email);
        }

        accounts.Current.Source = "198.51.100.20";
        var before = (await accounts.MailsToAsync(email)).Count;
        await accounts.ForgotPasswordAsync(email);

        (await accounts.MailsToAsync(email)).Count.ShouldBe(before + 1);
        (await accounts.SendAsync(new ResetPassword(await accounts.TokenMailedToAsync(email), email, NewPassword, NewPassword, null))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Five_wrong_recovery_PINs_spend_the_reset_link_even_for_the_right_PIN()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:QuebecInvitations"] = "true" });
        var email = Builders.Email();
        await PatientWithRecoveryPinAsync(accounts, email, "4821");
        await accounts.ForgotPasswordAsync(email);
        var token = await accounts.TokenMailedToAsync(email);

        foreach (var pin in new[] { "0000", "1111", "2222", "3333" })
        {
            (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, pin))).ShouldFailWith(AccountErrors.ResetDetailsWrong);
        }

        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, "4444"))).ShouldFailWith(AccountErrors.ResetLinkInvalid);
        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, "4821"))).ShouldFailWith(AccountErrors.ResetLinkInvalid);
        (await accounts.SendAsync(new GetPasswordReset(token))).ShouldFailWith(AccountErrors.ResetLinkInvalid);
    }

    [Fact]
    public async Task An_email_change_voids_the_reset_links_sent_before_it()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var newEmail = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        await accounts.ForgotPasswordAsync(email);
        var resetToken = await accounts.TokenMailedToAsync(email);

        await accounts.SendAsync(new RequestEmailChange(Builders.Password, newEmail, newEmail));
        var code = await accounts.CodeMailedToAsync(email);
        (await accounts.SendAsync(new ConfirmEmailChange(await accounts.TokenMailedToAsync(newEmail), newEmail, code))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new ResetPassword(resetToken, newEmail, NewPassword, NewPassword, null))).ShouldFailWith(AccountErrors.ResetLinkInvalid);
    }

    /// <summary>A Quebec clinic's invited patient, activated, with a recovery PIN.</summary>
    private static async Task PatientWithRecoveryPinAsync(AccountsHarness accounts, string email, string pin)
    {
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff);
        await accounts.SendAsync(new InvitePatient(email, "Nathan", "Milner", new DateOnly(1990, 2, 18), "MILN 9002 1845", null, "fr"));
        var activation = await accounts.SendAsync(new AcceptInvitation(await accounts.TokenMailedToAsync(email), email, "1845", Builders.Password, Builders.Password, pin, true));
        (await accounts.SendAsync(new AcceptTermsAndActivate(activation.Value, "2026-01", null, null))).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_request_that_fails_is_dropped_alone_and_the_others_are_sent(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var (poisoned, fine) = (Builders.Email(), Builders.Email());
        var broken = await accounts.ActivePatientAsync(poisoned);
        await accounts.ActivePatientAsync(fine);
        // Bad data on one row: its mail cannot be rendered (no such language).
        await accounts.QueryAsync(db => db.Accounts.Where(a => a.Id == broken.AccountId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Language, "zz-!!")));
        (await accounts.SendAsync(new ForgotPassword(poisoned))).IsSuccess.ShouldBeTrue();
        accounts.Clock.Advance(TimeSpan.FromSeconds(1));
        (await accounts.SendAsync(new ForgotPassword(fine))).IsSuccess.ShouldBeTrue();
        var logs = new CapturedLogs();
        accounts.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        await accounts.SendPasswordResetsAsync();

        var failure = logs.Lines.ShouldHaveSingleItem();
        failure.ShouldContain("Password reset request");
        failure.ShouldNotContain(poisoned.Split('@')[0], Case.Insensitive);

        (await accounts.MailsToAsync(fine))[^1].Subject.ShouldStartWith("Réinitialis");
        (await accounts.QueryAsync(db => db.PasswordResetRequests.CountAsync())).ShouldBe(0);
        (await accounts.QueryAsync(db => db.Tokens.CountAsync(t => t.AccountId == broken.AccountId && t.Purpose == Domain.TokenPurpose.PasswordReset))).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_older_than_an_hour_is_dropped_without_a_link()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        var mails = (await accounts.MailsToAsync(email)).Count;
        (await accounts.SendAsync(new ForgotPassword(email))).IsSuccess.ShouldBeTrue();
        accounts.Clock.Advance(TimeSpan.FromMinutes(61));

        await accounts.SendPasswordResetsAsync();

        (await accounts.MailsToAsync(email)).Count.ShouldBe(mails);
        (await accounts.QueryAsync(db => db.Tokens.CountAsync(t => t.Purpose == Domain.TokenPurpose.PasswordReset))).ShouldBe(0);
        (await accounts.QueryAsync(db => db.PasswordResetRequests.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_reset_link_is_issued_only_when_its_mail_is_queued_not_when_the_mail_limit_drops_it()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:MailPerAddressPerHour"] = "2" });
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        var mails = (await accounts.MailsToAsync(email)).Count;

        for (var i = 0; i < 4; i++)
        {
            await accounts.ForgotPasswordAsync(email);
        }

        var sent = (await accounts.MailsToAsync(email)).Count - mails;
        sent.ShouldBeLessThan(4, "the limit dropped some");
        (await accounts.QueryAsync(db => db.Tokens.CountAsync(t => t.Purpose == Domain.TokenPurpose.PasswordReset))).ShouldBe(sent);
    }

    /// <summary>Every warning and error the module logs, rendered.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _lines.Enqueue(formatter(state, exception) + " " + exception);
            }
        }

        public void Dispose()
        {
        }
    }
}
