using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Tests.TestData;
using Shouldly;

namespace PatientPortal.Modules.Accounts.Tests.Features;

public sealed class SignInTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_with_the_same_answer_as_a_wrong_password(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await accounts.SendAsync(new SignIn(email, "Wrong-Pass-1!", null))).ShouldFailWith("Accounts.InvalidCredentials");
        }

        var locked = await accounts.SendAsync(new SignIn(email, Builders.Password, null));
        locked.Errors.ShouldBe([new BuildingBlocks.Results.Error("Accounts.InvalidCredentials")]);

        accounts.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Parallel_wrong_passwords_each_count_and_none_crashes(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => accounts.SendAsync(new SignIn(email, "Wrong-Pass-1!", null))));

        results.ShouldAllBe(r => r.Errors.Single().Key == "Accounts.InvalidCredentials");
        (await accounts.QueryAsync(db => db.Accounts.SingleAsync())).FailedSignIns.ShouldBe(4);
        (await accounts.SendAsync(new SignIn(email, "Wrong-Pass-1!", null))).IsFailure.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_fail_identically()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        var unknown = await accounts.SendAsync(new SignIn("nobody@example.com", Builders.Password, null));
        var wrong = await accounts.SendAsync(new SignIn(email, "Wrong-Pass-1!", null));

        unknown.Errors.ShouldBe(wrong.Errors);
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_or_12_hours_and_at_logout()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        var idle = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.SessionId;
        accounts.Clock.Advance(TimeSpan.FromMinutes(29));
        (await accounts.SendAsync(new TouchSession(idle))).IsSuccess.ShouldBeTrue();
        accounts.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        (await accounts.SendAsync(new TouchSession(idle))).ShouldFailWith("Accounts.SessionExpired");

        var busy = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.SessionId;
        for (var minutes = 0; minutes < 12 * 60; minutes += 20)
        {
            accounts.Clock.Advance(TimeSpan.FromMinutes(20));
            (await accounts.SendAsync(new TouchSession(busy))).IsSuccess.ShouldBe(minutes + 20 < 12 * 60, $"after {minutes + 20} minutes");
        }

        var loggedOut = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.SessionId;
        await accounts.SendAsync(new SignOut(loggedOut));
        (await accounts.SendAsync(new TouchSession(loggedOut))).ShouldFailWith("Accounts.SessionExpired");
    }

    [Fact]
    public async Task The_chosen_language_is_stored_on_the_account_for_its_emails()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);

        await accounts.SendAsync(new SetPreferredLanguage("en"));
        await accounts.SendAsync(new ForgotPassword(email));

        (await accounts.MailsToAsync(email))[^1].Subject.ShouldStartWith("Reset Your Password");
        (await accounts.QueryAsync(db => db.Accounts.SingleAsync())).Language.ShouldBe("en-CA");
    }
}
