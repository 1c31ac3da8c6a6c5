using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Tests.TestData;
using Shouldly;

namespace PatientPortal.Modules.Accounts.Tests.Features;

public sealed class CredentialsTests
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
        await accounts.SendAsync(new ForgotPassword(email));
        var token = await accounts.TokenMailedToAsync(email);
        accounts.Clock.Advance(TimeSpan.FromMinutes(59));

        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, null))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new TouchSession(session.SessionId))).ShouldFailWith("Accounts.SessionExpired");
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
        await accounts.SendAsync(new ForgotPassword(email));
        var token = await accounts.TokenMailedToAsync(email);
        accounts.Clock.Advance(TimeSpan.FromMinutes(60));

        (await accounts.SendAsync(new GetPasswordReset(token))).ShouldFailWith("Accounts.ResetLinkInvalid");
        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, null))).ShouldFailWith("Accounts.ResetLinkInvalid");
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_email_and_mails_nobody()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);

        (await accounts.SendAsync(new ForgotPassword("nobody@example.com"))).IsSuccess.ShouldBeTrue();

        (await accounts.QueryAsync(db => db.QueuedEmails.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_old_one_and_signs_out_the_other_sessions_only()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var here = await accounts.ActivePatientAsync(email);
        var elsewhere = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        accounts.Current.SignedInAs(here.AccountId);

        (await accounts.SendAsync(new ChangePassword(here.SessionId, "Wrong-Pass-1!", NewPassword, NewPassword))).ShouldFailWith("Accounts.OldPasswordWrong");
        (await accounts.SendAsync(new ChangePassword(here.SessionId, Builders.Password, "password1", "password1"))).ShouldFailWith("Accounts.PasswordTooCommon");
        (await accounts.SendAsync(new ChangePassword(here.SessionId, Builders.Password, NewPassword, NewPassword))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new TouchSession(here.SessionId))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new TouchSession(elsewhere.SessionId))).ShouldFailWith("Accounts.SessionExpired");
        (await accounts.SendAsync(new GetSignInDetails())).Value.PasswordChangedUtc.ShouldBe(accounts.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Changing_the_email_needs_the_password_the_old_address_s_code_and_the_new_address_s_link(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var newEmail = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);

        (await accounts.SendAsync(new RequestEmailChange("Wrong-Pass-1!", newEmail, newEmail))).ShouldFailWith("Accounts.PasswordWrong");
        (await accounts.SendAsync(new RequestEmailChange(Builders.Password, newEmail, newEmail))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new GetSignInDetails())).Value.PendingEmail.ShouldBe(newEmail);

        var codeMail = (await accounts.MailsToAsync(email))[^1];
        var code = codeMail.TextBody.Split('\n').Select(l => l.Trim()).Single(l => l.Length == 6 && l.All(char.IsAsciiDigit));
        var token = await accounts.TokenMailedToAsync(newEmail);

        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code == "000000" ? "111111" : "000000"))).ShouldFailWith("Accounts.WrongCode");
        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new SignIn(newEmail, Builders.Password, null))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
        (await accounts.MailsToAsync(email))[^1].TextBody.ShouldContain(newEmail);
        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code))).ShouldFailWith("Accounts.EmailChangeLinkInvalid");
    }

    [Fact]
    public async Task An_email_used_by_another_account_answers_like_a_free_one_tells_its_owner_and_changes_nothing()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var taken = Builders.Email();
        await accounts.ActivePatientAsync(taken);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);

        (await accounts.SendAsync(new RequestEmailChange(Builders.Password, taken, taken))).IsSuccess.ShouldBeTrue();

        (await accounts.MailsToAsync(taken))[^1].Subject.ShouldStartWith("À propos de votre adresse courriel");
        (await accounts.MailsToAsync(email)).Count.ShouldBe(2, "activation and confirmation only: no code");
        (await accounts.SendAsync(new GetSignInDetails())).Value.PendingEmail.ShouldBeNull();
    }

    [Fact]
    public async Task Wrong_recovery_PINs_count_toward_the_account_lockout_across_reset_links()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:QuebecInvitations"] = "true" });
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff);
        var email = Builders.Email();
        await accounts.SendAsync(new InvitePatient(email, "Nathan", "Milner", new DateOnly(1990, 2, 18), "MILN 9002 1845", null, "fr"));
        var activation = await accounts.SendAsync(new AcceptInvitation(await accounts.TokenMailedToAsync(email), email, "1845", Builders.Password, Builders.Password, "4821", true));
        await accounts.SendAsync(new AcceptTermsAndActivate(activation.Value, "2026-01", null));

        for (var link = 0; link < 2; link++)
        {
            await accounts.SendAsync(new ForgotPassword(email));
            var token = await accounts.TokenMailedToAsync(email);
            for (var guess = 0; guess < 3; guess++)
            {
                await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, $"000{guess}"));
            }
        }

        await accounts.SendAsync(new ForgotPassword(email));
        (await accounts.SendAsync(new ResetPassword(await accounts.TokenMailedToAsync(email), email, NewPassword, NewPassword, "4821"))).ShouldFailWith("Accounts.TooManyAttempts");
        accounts.Clock.Advance(TimeSpan.FromMinutes(16));
        (await accounts.SendAsync(new ResetPassword(await accounts.TokenMailedToAsync(email), email, NewPassword, NewPassword, "4821"))).IsSuccess.ShouldBeTrue();
    }
}
