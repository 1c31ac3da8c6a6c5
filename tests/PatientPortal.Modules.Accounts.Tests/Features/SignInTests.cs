namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>SignIn: the generic answer, the lockout, parallel tries.</summary>
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

    /// <summary>
    /// Five checked guesses, then 15 minutes in which even the right password fails, again and again: at most 5
    /// guesses per 15 minutes are ever checked, about 20 an hour, well under the 100 an hour the checklist allows.
    /// </summary>
    [Fact]
    public async Task The_lock_comes_back_after_every_five_wrong_passwords_so_an_hour_checks_about_20()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        for (var window = 1; window <= 4; window++)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await accounts.SendAsync(new SignIn(email, "Wrong-Pass-1!", null));
            }

            foreach (var wait in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1) })
            {
                accounts.Clock.Advance(wait);
                (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith(AccountErrors.InvalidCredentials);
            }

            accounts.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).IsSuccess.ShouldBeTrue("an hour later, after the fourth lock");
    }
}
