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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Last_seen_is_written_at_most_once_a_minute(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        var session = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.SessionId;
        var signedIn = accounts.Clock.GetUtcNow();
        Task<DateTimeOffset> LastSeenAsync() => accounts.QueryAsync(db => db.Sessions.Where(s => s.Id == session).Select(s => s.LastSeenUtc).SingleAsync());

        accounts.Clock.Advance(TimeSpan.FromSeconds(59));
        (await accounts.SendAsync(new TouchSession(session))).IsSuccess.ShouldBeTrue();
        (await LastSeenAsync()).ShouldBe(signedIn, "within the minute nothing is written");

        accounts.Clock.Advance(TimeSpan.FromSeconds(2));
        var later = accounts.Clock.GetUtcNow();
        (await accounts.SendAsync(new TouchSession(session))).IsSuccess.ShouldBeTrue();
        (await LastSeenAsync()).ShouldBe(later);
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

        (await accounts.SendAsync(new TouchSession(here.SessionId))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new TouchSession(elsewhere.SessionId))).ShouldFailWith(AccountErrors.SessionExpired);
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
}
