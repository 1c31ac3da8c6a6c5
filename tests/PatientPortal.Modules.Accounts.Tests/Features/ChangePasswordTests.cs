namespace PatientPortal.Modules.Accounts.Tests.Features;

public sealed class ChangePasswordTests
{
    private const string NewPassword = "Autre-Riviere-77?";

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

        (await accounts.SendAsync(new TouchSession(here.SessionId, here.AccountId))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new TouchSession(elsewhere.SessionId, elsewhere.AccountId))).ShouldFailWith("Accounts.SessionExpired");
        (await accounts.SendAsync(new GetSignInDetails())).Value.PasswordChangedUtc.ShouldBe(accounts.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData(nameof(ChangePassword))]
    [InlineData(nameof(RequestEmailChange))]
    public async Task Wrong_current_passwords_lock_the_account_so_a_session_cannot_be_used_to_guess_the_password(string form)
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        Task<BuildingBlocks.Results.Result> SendAsync(string password) => form == nameof(ChangePassword)
            ? accounts.SendAsync(new ChangePassword(session.SessionId, password, NewPassword, NewPassword))
            : accounts.SendAsync(new RequestEmailChange(password, "taken.over@example.com", "taken.over@example.com"));

        for (var guess = 1; guess <= 4; guess++)
        {
            (await SendAsync($"Wrong-Pass-{guess}!")).Errors.Single().Key.ShouldNotBe(AccountErrors.TooManyAttempts);
        }

        (await SendAsync("Wrong-Pass-5!")).ShouldFailWith(AccountErrors.TooManyAttempts);
        (await SendAsync(Builders.Password)).ShouldFailWith(AccountErrors.TooManyAttempts);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith(AccountErrors.InvalidCredentials);
        accounts.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await SendAsync(Builders.Password)).IsSuccess.ShouldBeTrue();
    }

    /// <summary>Guesses from everywhere lock the account, but not against its signed-in owner changing the password.</summary>
    [Fact]
    public async Task A_signed_in_owner_changes_the_password_while_guesses_from_elsewhere_lock_the_account()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        await accounts.OneWrongPasswordFromEachOfAsync(email, sources: 30);
        accounts.Current.Source = "198.51.100.20";
        accounts.Current.SignedInAs(session.AccountId);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith(AccountErrors.InvalidCredentials);

        (await accounts.SendAsync(new ChangePassword(session.SessionId, Builders.Password, NewPassword, NewPassword))).IsSuccess.ShouldBeTrue();
    }
}
