using PatientPortal.Modules.Accounts.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>
/// Two-step sign-in (security.md A7): the authenticator app and its replay refusal, the pending challenge, recovery
/// codes, trusted browsers, the emailed code, staff who must use the app, and what turning it off or a reset asks for.
/// </summary>
public sealed class SecondFactorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_an_authenticator_app_the_password_opens_no_session_and_the_code_does(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));

        var password = await accounts.SendAsync(new SignIn(email, Builders.Password, "tests"));

        password.Value.SessionId.ShouldBe(Guid.Empty);
        var required = password.Value.SecondFactorRequired.ShouldNotBeNull();
        required.Method.ShouldBe(SecondFactorMethods.Authenticator);
        required.ExpiresUtc.ShouldBe(accounts.Clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        var signedIn = await accounts.SendAsync(new VerifySignInCode(required.ChallengeToken, accounts.Code(app), false, "tests"));
        signedIn.IsSuccess.ShouldBeTrue();
        signedIn.Value.SecondFactorPassed.ShouldBeTrue();
        var touched = await accounts.SendAsync(new TouchSession(signedIn.Value.SessionId, signedIn.Value.AccountId));
        touched.Value.SecondFactorPassed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_code_accepted_once_is_refused_when_replayed_within_its_window(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        var code = accounts.Code(app);
        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), code, false, null))).IsSuccess.ShouldBeTrue();

        accounts.Clock.Advance(TimeSpan.FromSeconds(20));
        var replay = await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), code, false, null));

        replay.Errors.ShouldBe([new Error(AccountErrors.SecondFactorCodeWrong, "Code")]);
        // An older code (the step before, still within the drift) is refused too: steps only move forward.
        var older = accounts.Code(app, -1);
        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), older, false, null))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
    }

    [Fact]
    public async Task The_same_code_sent_twice_at_once_opens_one_session()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        var challenges = new[] { await accounts.PasswordStepAsync(email), await accounts.PasswordStepAsync(email) };
        var code = accounts.Code(app);

        var results = await Task.WhenAll(challenges.Select(c => accounts.SendAsync(new VerifySignInCode(c, code, false, null))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, true)]
    [InlineData(-2, false)]
    [InlineData(2, false)]
    public async Task A_phone_one_step_off_is_accepted_and_two_steps_off_is_not(int steps, bool accepted)
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        accounts.Clock.Advance(TimeSpan.FromMinutes(2));

        var result = await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app, steps), false, null));

        result.IsSuccess.ShouldBe(accepted);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_account_lockout_and_a_right_password_does_not_clear_them()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));

        for (var attempt = 0; attempt < 4; attempt++)
        {
            // A fresh challenge each time (the right password again) buys no more guesses.
            (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), "000000", false, null))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        }

        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), "000001", false, null))).ShouldFailWith(AccountErrors.TooManyAttempts);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith(AccountErrors.InvalidCredentials);
        accounts.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), false, null))).IsSuccess.ShouldBeTrue();
    }

    /// <summary>
    /// A stolen session guessing the code that turns the factor off, from many networks (five each): after ten wrong
    /// codes in a day, from wherever, even the right code is refused.
    /// </summary>
    [Fact]
    public async Task A_signed_in_owner_gets_ten_wrong_codes_a_day_from_all_networks_together()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        var app = await accounts.SetUpAuthenticatorAsync(session);
        accounts.Current.SignedInAs(session.AccountId);

        for (var guess = 1; guess <= 10; guess++)
        {
            accounts.Current.Source = $"203.0.113.{guess}";
            (await accounts.SendAsync(new TurnOffSecondFactor("000000"))).ShouldFailWith(guess < 10 ? AccountErrors.SecondFactorCodeWrong : AccountErrors.TooManyAttempts);
        }

        accounts.Current.Source = "198.51.100.77";
        (await accounts.SendAsync(new TurnOffSecondFactor(accounts.Code(app)))).ShouldFailWith(AccountErrors.TooManyAttempts);
        accounts.Clock.Advance(TimeSpan.FromMinutes(16));
        (await accounts.SendAsync(new TurnOffSecondFactor(accounts.Code(app)))).IsSuccess.ShouldBeTrue("the block ends");
    }

    [Fact]
    public async Task A_challenge_works_once_and_for_10_minutes()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        var used = await accounts.PasswordStepAsync(email);
        (await accounts.SendAsync(new VerifySignInCode(used, accounts.Code(app), false, null))).IsSuccess.ShouldBeTrue();
        var late = await accounts.PasswordStepAsync(email);
        accounts.Clock.Advance(TimeSpan.FromMinutes(10));

        (await accounts.SendAsync(new VerifySignInCode(used, accounts.Code(app), false, null))).ShouldFailWith(AccountErrors.SecondFactorExpired);
        (await accounts.SendAsync(new VerifySignInCode(late, accounts.Code(app), false, null))).ShouldFailWith(AccountErrors.SecondFactorExpired);
        (await accounts.SendAsync(new VerifySignInCode("not-a-challenge", accounts.Code(app), false, null))).ShouldFailWith(AccountErrors.SecondFactorExpired);
    }

    [Fact]
    public async Task The_authenticator_key_is_stored_protected_and_only_hashes_of_recovery_codes_are_kept()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var session = await accounts.ActivePatientAsync(Builders.Email());
        var app = await accounts.SetUpAuthenticatorAsync(session);

        var factor = await accounts.QueryAsync(db => db.SecondFactors.AsNoTracking().SingleAsync());
        factor.ProtectedKey.ShouldNotBeNull().ShouldNotContain(app.Key);
        factor.PendingKey.ShouldBeNull();
        var stored = await accounts.QueryAsync(db => db.RecoveryCodes.AsNoTracking().Select(r => r.CodeHash).ToListAsync());
        app.RecoveryCodes.Count.ShouldBe(10);
        app.RecoveryCodes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[A-Z2-9]{5}-[A-Z2-9]{5}$"));
        stored.Count.ShouldBe(10);
        stored.ShouldAllBe(h => !app.RecoveryCodes.Any(c => h.Contains(c.Replace("-", ""))));
        // Set-up again: refused, the key is never shown once on.
        accounts.Current.SignedInAs(session.AccountId);
        (await accounts.SendAsync(new StartAuthenticatorSetUp(session.SessionId))).ShouldFailWith(AccountErrors.SecondFactorAlreadyOn);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_recovery_code_signs_in_once_and_new_ones_replace_the_old(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        var recovery = app.RecoveryCodes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);

        var signedIn = await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), recovery, false, null));
        signedIn.IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), app.RecoveryCodes[3], false, null))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);

        accounts.Current.SignedInAs(signedIn.Value.AccountId);
        (await accounts.SendAsync(new GetSecondFactor())).Value.RecoveryCodesLeft.ShouldBe(9);
        (await accounts.SendAsync(new RegenerateRecoveryCodes("123456"))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        var fresh = await accounts.SendAsync(new RegenerateRecoveryCodes(accounts.Code(app)));
        fresh.Value.Count.ShouldBe(10);
        (await accounts.SendAsync(new GetSecondFactor())).Value.RecoveryCodesLeft.ShouldBe(10);
        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), app.RecoveryCodes[0], false, null))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), fresh.Value[0], false, null))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task A_trusted_browser_skips_the_code_until_revoked_or_the_password_changes()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        var first = await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), true, "Firefox"));
        var browser = first.Value.TrustedBrowserToken.ShouldNotBeNull();

        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { TrustedBrowser = browser })).Value.SecondFactorPassed.ShouldBeTrue("no code asked");
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { TrustedBrowser = "another-browser" })).Value.SecondFactorRequired.ShouldNotBeNull();

        accounts.Current.SignedInAs(first.Value.AccountId);
        var trusted = (await accounts.SendAsync(new GetSecondFactor())).Value.TrustedBrowsers.ShouldHaveSingleItem();
        trusted.UserAgent.ShouldBe("Firefox");
        trusted.ExpiresUtc.ShouldBe(trusted.TrustedUtc + TimeSpan.FromDays(30));
        (await accounts.SendAsync(new RevokeTrustedBrowser(trusted.Id))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { TrustedBrowser = browser })).Value.SecondFactorRequired.ShouldNotBeNull("revoked");

        accounts.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), true, null))).Value;
        accounts.Current.SignedInAs(again.AccountId);
        (await accounts.SendAsync(new ChangePassword(again.SessionId, Builders.Password, "Autre-Riviere-77?", "Autre-Riviere-77?"))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, "Autre-Riviere-77?", null) { TrustedBrowser = again.TrustedBrowserToken })).Value.SecondFactorRequired.ShouldNotBeNull("the password changed");
        (await accounts.SendAsync(new GetSecondFactor())).Value.TrustedBrowsers.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_accounts_trusted_browser_cannot_be_revoked_or_used()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var victim = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(victim));
        var trusted = (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(victim), accounts.Code(app), true, null))).Value;
        var intruder = Builders.Email();
        var intruderApp = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(intruder));
        accounts.Current.SignedInAs(trusted.AccountId);
        var id = (await accounts.SendAsync(new GetSecondFactor())).Value.TrustedBrowsers.Single().Id;

        accounts.Current.SignedInAs((await accounts.QueryAsync(db => db.Accounts.SingleAsync(a => a.Email == intruder))).Id);
        (await accounts.SendAsync(new RevokeTrustedBrowser(id))).Errors.ShouldBe([Error.NotFound]);
        (await accounts.SendAsync(new SignIn(intruder, Builders.Password, null) { TrustedBrowser = trusted.TrustedBrowserToken })).Value.SecondFactorRequired.ShouldNotBeNull();
        intruderApp.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_without_an_app_get_a_session_that_has_not_passed_and_must_set_one_up(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();

        var session = await accounts.StaffMemberAsync(email);

        session.SessionId.ShouldNotBe(Guid.Empty);
        session.MustSetUpAuthenticator.ShouldBeTrue();
        session.SecondFactorPassed.ShouldBeFalse();
        (await accounts.SendAsync(new TouchSession(session.SessionId, session.AccountId))).Value.SecondFactorPassed.ShouldBeFalse();
        accounts.Current.SignedInAs(session.AccountId, Roles.Staff);
        (await accounts.SendAsync(new StartEmailCodeSetUp())).ShouldFailWith(AccountErrors.SecondFactorRequiredForStaff);
        var app = await accounts.SetUpAuthenticatorAsync(session);
        (await accounts.SendAsync(new TouchSession(session.SessionId, session.AccountId))).Value.SecondFactorPassed.ShouldBeTrue();

        var next = await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), TrustThisBrowser: true, null));
        next.Value.SecondFactorPassed.ShouldBeTrue();
        next.Value.TrustedBrowserToken.ShouldBeNull();
        accounts.Current.SignedInAs(session.AccountId, Roles.Staff);
        (await accounts.SendAsync(new TurnOffSecondFactor(app.RecoveryCodes[0]))).ShouldFailWith(AccountErrors.SecondFactorRequiredForStaff);
    }

    [Fact]
    public async Task Confirming_a_key_for_someone_elses_session_is_refused()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var other = await accounts.ActivePatientAsync(Builders.Email());
        var me = await accounts.ActivePatientAsync(Builders.Email());
        accounts.Current.SignedInAs(me.AccountId);
        var key = (await accounts.SendAsync(new StartAuthenticatorSetUp(me.SessionId))).Value.Key.Replace(" ", "", StringComparison.Ordinal);

        var result = await accounts.SendAsync(new ConfirmAuthenticator(other.SessionId, accounts.Code(new SecondFactorSteps.App(key, [])), Builders.Password));

        result.Errors.ShouldBe([Error.Forbidden]);
        (await accounts.SendAsync(new TouchSession(other.SessionId, other.AccountId))).Value.SecondFactorPassed.ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_the_app_on()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        await accounts.SendAsync(new StartAuthenticatorSetUp(session.SessionId));

        (await accounts.SendAsync(new ConfirmAuthenticator(session.SessionId, "123456", Builders.Password))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);

        (await accounts.SendAsync(new GetSecondFactor())).Value.Method.ShouldBeNull();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.SessionId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Turning_the_app_on_needs_the_current_password_and_a_wrong_one_counts_toward_the_lockout()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        var key = (await accounts.SendAsync(new StartAuthenticatorSetUp(session.SessionId))).Value.Key.Replace(" ", "", StringComparison.Ordinal);

        var refused = await accounts.SendAsync(new ConfirmAuthenticator(session.SessionId, accounts.Code(new SecondFactorSteps.App(key, [])), "Wrong-Pass-1!"));

        refused.Errors.ShouldBe([new Error(AccountErrors.PasswordWrong, "Password")]);
        (await accounts.QueryAsync(db => db.Throttles.SingleAsync(t => t.Counter == Throttle.AllSources))).Count.ShouldBe(1);
        (await accounts.SendAsync(new GetSecondFactor())).Value.Method.ShouldBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_emailed_code_signs_in_once_within_10_minutes(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        (await accounts.SendAsync(new StartEmailCodeSetUp())).IsSuccess.ShouldBeTrue();
        var setUpCode = await accounts.CodeMailedToAsync(email);
        (await accounts.SendAsync(new ConfirmEmailCode(session.SessionId, setUpCode))).Value.RecoveryCodes.Count.ShouldBe(10);
        (await accounts.SendAsync(new GetSecondFactor())).Value.Method.ShouldBe(SecondFactorMethods.Email);

        var challenge = await accounts.SendAsync(new SignIn(email, Builders.Password, null));
        challenge.Value.SecondFactorRequired!.Method.ShouldBe(SecondFactorMethods.Email);
        var code = await accounts.CodeMailedToAsync(email);
        code.ShouldNotBe(setUpCode);
        (await accounts.SendAsync(new VerifySignInCode(challenge.Value.SecondFactorRequired.ChallengeToken, code, false, null))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new VerifySignInCode(challenge.Value.SecondFactorRequired.ChallengeToken, code, false, null))).ShouldFailWith(AccountErrors.SecondFactorExpired);

        var late = await accounts.PasswordStepAsync(email);
        var lateCode = await accounts.CodeMailedToAsync(email);
        accounts.Clock.Advance(TimeSpan.FromMinutes(10));
        (await accounts.SendAsync(new VerifySignInCode(late, lateCode, false, null))).ShouldFailWith(AccountErrors.SecondFactorExpired);
    }

    [Fact]
    public async Task A_trusted_browser_with_the_email_factor_is_sent_no_code()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        await accounts.SendAsync(new StartEmailCodeSetUp());
        await accounts.SendAsync(new ConfirmEmailCode(session.SessionId, await accounts.CodeMailedToAsync(email)));
        var challenge = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.SecondFactorRequired!;
        var browser = (await accounts.SendAsync(new VerifySignInCode(challenge.ChallengeToken, await accounts.CodeMailedToAsync(email), true, null))).Value.TrustedBrowserToken;
        var mails = (await accounts.MailsToAsync(email)).Count;

        var trusted = await accounts.SendAsync(new SignIn(email, Builders.Password, null) { TrustedBrowser = browser });

        trusted.Value.SecondFactorPassed.ShouldBeTrue();
        (await accounts.MailsToAsync(email)).Count.ShouldBe(mails, "no code to send");
    }

    [Fact]
    public async Task Turning_the_factor_off_needs_a_code_and_ends_recovery_codes_and_trusted_browsers()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        var signedIn = (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), true, null))).Value;
        accounts.Current.SignedInAs(signedIn.AccountId);

        (await accounts.SendAsync(new TurnOffSecondFactor(""))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new TurnOffSecondFactor(app.RecoveryCodes[1]))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new GetSecondFactor())).Value.ShouldBe(new SecondFactorView(null, false, 0, []), new SecondFactorViewComparer());
        (await accounts.QueryAsync(db => db.RecoveryCodes.CountAsync())).ShouldBe(0);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.SessionId.ShouldNotBe(Guid.Empty);
        (await accounts.MailsToAsync(email)).Select(m => m.Subject).ShouldContain(s => s.Contains("deux étapes est désactivée", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_password_reset_needs_the_app_or_a_recovery_code_when_the_app_is_on(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        await accounts.ForgotPasswordAsync(email);
        var token = await accounts.TokenMailedToAsync(email);
        const string NewPassword = "Autre-Riviere-77?";

        (await accounts.SendAsync(new GetPasswordReset(token))).Value.RequiresSecondFactor.ShouldBeTrue();
        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, null))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, null, "999999"))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new ResetPassword(token, email, NewPassword, NewPassword, null, app.RecoveryCodes[2]))).IsSuccess.ShouldBeTrue();

        (await accounts.QueryAsync(db => db.Throttles.CountAsync(t => t.Counter == Throttle.AllSources))).ShouldBe(0, "the reset forgot the failures");
        (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email, NewPassword), accounts.Code(app), false, null))).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_hourly_purge_forgets_challenges_and_trusted_browsers_a_day_after_they_end(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), true, null));
        await accounts.PasswordStepAsync(email);
        var retention = accounts.Services.CreateScope().ServiceProvider.GetServices<IModuleRetention>().OfType<PatientPortal.Modules.Accounts.Data.SecondFactorRetention>().Single();

        (await retention.PurgeAsync(CancellationToken.None)).ShouldBe(0);
        accounts.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(11));
        (await retention.PurgeAsync(CancellationToken.None)).ShouldBe(2);
        accounts.Clock.Advance(TimeSpan.FromDays(30));
        (await retention.PurgeAsync(CancellationToken.None)).ShouldBe(1);
        (await accounts.QueryAsync(db => db.SignInChallenges.CountAsync())).ShouldBe(0);
        (await accounts.QueryAsync(db => db.TrustedBrowsers.CountAsync())).ShouldBe(0);
    }

    private sealed class SecondFactorViewComparer : IEqualityComparer<SecondFactorView>
    {
        public bool Equals(SecondFactorView? x, SecondFactorView? y) =>
            x is not null && y is not null && x.Method == y.Method && x.Required == y.Required && x.RecoveryCodesLeft == y.RecoveryCodesLeft
            && x.TrustedBrowsers.Count == y.TrustedBrowsers.Count;

        public int GetHashCode(SecondFactorView obj) => 0;
    }

    /// <summary>
    /// A key planted ahead: someone with the password opens the set-up page, copies the key and leaves. The owner's
    /// own visit, from another session, gets another key, so the copied one never becomes the account's factor.
    /// </summary>
    [Fact]
    public async Task A_key_shown_to_another_session_is_never_the_one_the_owner_confirms()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var owner = await accounts.ActivePatientAsync(email);
        var intruder = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        accounts.Current.SignedInAs(owner.AccountId);
        var copied = (await accounts.SendAsync(new StartAuthenticatorSetUp(intruder.SessionId))).Value.Key.Replace(" ", "", StringComparison.Ordinal);

        var shown = (await accounts.SendAsync(new StartAuthenticatorSetUp(owner.SessionId))).Value.Key.Replace(" ", "", StringComparison.Ordinal);

        shown.ShouldNotBe(copied);
        (await accounts.SendAsync(new StartAuthenticatorSetUp(owner.SessionId))).Value.Key.Replace(" ", "", StringComparison.Ordinal).ShouldBe(shown, "the same session sees the same key again");
        (await accounts.SendAsync(new ConfirmAuthenticator(owner.SessionId, accounts.Code(new SecondFactorSteps.App(copied, [])), Builders.Password)))
            .ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new ConfirmAuthenticator(owner.SessionId, accounts.Code(new SecondFactorSteps.App(shown, [])), Builders.Password))).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Turning_on_the_authenticator_app_ends_the_other_sessions_and_keeps_this_one(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var here = await accounts.ActivePatientAsync(email);
        // Someone else with the password, signed in before the app was on.
        var elsewhere = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;

        await accounts.SetUpAuthenticatorAsync(here);

        (await accounts.SendAsync(new TouchSession(elsewhere.SessionId, elsewhere.AccountId))).ShouldFailWith(AccountErrors.SessionExpired);
        var kept = await accounts.SendAsync(new TouchSession(here.SessionId, here.AccountId));
        kept.IsSuccess.ShouldBeTrue();
        kept.Value.SecondFactorPassed.ShouldBeTrue();
    }

    [Fact]
    public async Task New_recovery_codes_are_notified_by_email_in_the_account_s_language()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        var app = await accounts.SetUpAuthenticatorAsync(session);
        accounts.Current.SignedInAs(session.AccountId);

        (await accounts.SendAsync(new RegenerateRecoveryCodes("123456"))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.MailsToAsync(email)).ShouldNotContain(m => m.Subject.StartsWith("Nouveaux codes", StringComparison.Ordinal));
        (await accounts.SendAsync(new RegenerateRecoveryCodes(accounts.Code(app)))).IsSuccess.ShouldBeTrue();
        var french = (await accounts.MailsToAsync(email))[^1];
        french.Subject.ShouldStartWith("Nouveaux codes de récupération");
        french.TextBody.ShouldContain("Héloïse");

        await accounts.SendAsync(new SetPreferredLanguage("en"));
        accounts.Clock.Advance(TimeSpan.FromSeconds(30));
        (await accounts.SendAsync(new RegenerateRecoveryCodes(accounts.Code(app)))).IsSuccess.ShouldBeTrue();
        (await accounts.MailsToAsync(email))[^1].Subject.ShouldStartWith("New recovery codes");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_emailed_set_up_code_is_spent_after_5_wrong_tries(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        (await accounts.SendAsync(new StartEmailCodeSetUp())).IsSuccess.ShouldBeTrue();
        var code = await accounts.CodeMailedToAsync(email);
        var wrong = code == "000000" ? "111111" : "000000";

        var tries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => accounts.SendAsync(new ConfirmEmailCode(session.SessionId, wrong))));

        tries.ShouldAllBe(t => t.Errors.Single().Key == AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new ConfirmEmailCode(session.SessionId, code))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new GetSecondFactor())).Value.Method.ShouldBeNull();
    }

    [Fact]
    public async Task No_more_than_5_codes_an_hour_are_emailed_on_request_and_the_last_one_still_works()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        var before = (await accounts.MailsToAsync(email)).Count;

        for (var i = 0; i < 5; i++)
        {
            (await accounts.SendAsync(new StartEmailCodeSetUp())).IsSuccess.ShouldBeTrue();
        }

        var last = await accounts.CodeMailedToAsync(email);
        (await accounts.SendAsync(new StartEmailCodeSetUp())).ShouldFailWith(AccountErrors.TooManyEmailCodes);
        (await accounts.MailsToAsync(email)).Count.ShouldBe(before + 5);
        (await accounts.SendAsync(new ConfirmEmailCode(session.SessionId, last))).IsSuccess.ShouldBeTrue();

        // With the factor on, "email me a code" shares the same hour's count.
        (await accounts.SendAsync(new SendSecondFactorCode())).ShouldFailWith(AccountErrors.TooManyEmailCodes);
        accounts.Clock.Advance(TimeSpan.FromMinutes(61));
        (await accounts.SendAsync(new SendSecondFactorCode())).IsSuccess.ShouldBeTrue();
        for (var i = 0; i < 4; i++)
        {
            (await accounts.SendAsync(new SendSecondFactorCode())).IsSuccess.ShouldBeTrue();
        }

        (await accounts.SendAsync(new SendSecondFactorCode())).ShouldFailWith(AccountErrors.TooManyEmailCodes);
    }
}
