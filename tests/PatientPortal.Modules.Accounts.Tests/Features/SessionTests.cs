namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>TouchSession, SignOut, SignOutOtherSessions and SetPreferredLanguage: what a signed-in browser's session does.</summary>
public sealed class SessionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_session_ends_after_30_idle_minutes_or_12_hours_and_at_logout(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        var idle = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        accounts.Clock.Advance(TimeSpan.FromMinutes(29));
        (await accounts.SendAsync(Touch(idle))).IsSuccess.ShouldBeTrue();
        accounts.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        (await accounts.SendAsync(Touch(idle))).ShouldFailWith("Accounts.SessionExpired");

        var busy = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        for (var minutes = 0; minutes < 12 * 60; minutes += 20)
        {
            accounts.Clock.Advance(TimeSpan.FromMinutes(20));
            (await accounts.SendAsync(Touch(busy))).IsSuccess.ShouldBe(minutes + 20 < 12 * 60, $"after {minutes + 20} minutes");
        }

        var loggedOut = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        await accounts.SendAsync(new SignOut(loggedOut.SessionId));
        (await accounts.SendAsync(Touch(loggedOut))).ShouldFailWith("Accounts.SessionExpired");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Last_seen_is_written_at_most_once_a_minute(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        var session = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        var signedIn = accounts.Clock.GetUtcNow();
        Task<DateTimeOffset> LastSeenAsync() => accounts.QueryAsync(db => db.Sessions.Where(s => s.Id == session.SessionId).Select(s => s.LastSeenUtc).SingleAsync());

        accounts.Clock.Advance(TimeSpan.FromSeconds(59));
        (await accounts.SendAsync(Touch(session))).IsSuccess.ShouldBeTrue();
        (await LastSeenAsync()).ShouldBe(signedIn, "within the minute nothing is written");

        accounts.Clock.Advance(TimeSpan.FromSeconds(2));
        var later = accounts.Clock.GetUtcNow();
        (await accounts.SendAsync(Touch(session))).IsSuccess.ShouldBeTrue();
        (await LastSeenAsync()).ShouldBe(later);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_session_is_refused_for_a_cookie_that_names_another_account(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var mine = await accounts.ActivePatientAsync(Builders.Email());
        var other = await accounts.ActivePatientAsync(Builders.Email());

        (await accounts.SendAsync(new TouchSession(mine.SessionId, other.AccountId))).ShouldFailWith(AccountErrors.SessionExpired);
        (await accounts.SendAsync(new TouchSession(mine.SessionId, Guid.NewGuid()))).ShouldFailWith(AccountErrors.SessionExpired);
        (await accounts.SendAsync(new TouchSession(mine.SessionId, mine.AccountId))).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_live_session_answers_with_the_account_as_it_is_now(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        await accounts.SendAsync(new SetPreferredLanguage("en"));

        var touched = (await accounts.SendAsync(Touch(session))).Value;

        touched.ShouldBe(new SignedIn(session.AccountId, session.SessionId, email, "Héloïse Tremblay", Roles.Patient, "en-CA"));
        touched.SecondFactorPassed.ShouldBeFalse();
    }

    [Fact]
    public async Task Signing_out_the_other_sessions_keeps_only_this_one()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var here = await accounts.ActivePatientAsync(email);
        var elsewhere = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        accounts.Current.SignedInAs(here.AccountId);

        (await accounts.SendAsync(new SignOutOtherSessions(here.SessionId))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new TouchSession(here.SessionId, here.AccountId))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new TouchSession(elsewhere.SessionId, elsewhere.AccountId))).ShouldFailWith(AccountErrors.SessionExpired);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Signing_out_the_other_sessions_also_stops_every_trusted_browser_from_skipping_the_code(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.ActivePatientAsync(email));
        var trusted = (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), true, "Laptop"))).Value;
        accounts.Clock.Advance(TimeSpan.FromSeconds(30));
        var here = (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), false, null))).Value;
        accounts.Current.SignedInAs(here.AccountId);

        (await accounts.SendAsync(new SignOutOtherSessions(here.SessionId))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(Touch(trusted))).ShouldFailWith(AccountErrors.SessionExpired);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { TrustedBrowser = trusted.TrustedBrowserToken }))
            .Value.SecondFactorRequired.ShouldNotBeNull("the code is asked again");
        (await accounts.SendAsync(new GetSecondFactor())).Value.TrustedBrowsers.ShouldBeEmpty();
        (await accounts.SendAsync(Touch(here))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task The_chosen_language_is_stored_on_the_account_for_its_emails()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);

        await accounts.SendAsync(new SetPreferredLanguage("en"));
        await accounts.ForgotPasswordAsync(email);

        (await accounts.MailsToAsync(email))[^1].Subject.ShouldStartWith("Reset Your Password");
        (await accounts.QueryAsync(db => db.Accounts.SingleAsync())).Language.ShouldBe("en-CA");
    }

    private static TouchSession Touch(SignedIn session) => new(session.SessionId, session.AccountId);
}
