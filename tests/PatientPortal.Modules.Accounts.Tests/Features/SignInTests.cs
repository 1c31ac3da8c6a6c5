using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Accounts.Domain;
using PatientPortal.Modules.Accounts.Security;

namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>SignIn: the generic answer, the throttle per source and per account, parallel tries.</summary>
public sealed class SignInTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Five_wrong_passwords_block_their_source_for_15_minutes_with_the_same_answer_as_a_wrong_password(DatabaseProvider provider)
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
        (await accounts.SendAsync(new SignIn(email, "Wrong-Pass-1!", null))).IsFailure.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
    }

    /// <summary>
    /// Counted before checked: a source four failures in sends eight sign-ins at once, all with the right password (an
    /// attacker's burst contains it somewhere), held so that all eight are being checked together. Only the one that
    /// took the last try may sign in; had each been checked before any was counted, all eight would have.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_burst_of_parallel_guesses_gets_only_the_tries_left_checked(DatabaseProvider provider)
    {
        var hasher = new AllAtOnceHasher(burst: 8);
        await using var accounts = await AccountsHarness.CreateAsync(provider, replace: s => s.AddSingleton<IPasswordHasher<Account>>(hasher));
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await accounts.SendAsync(new SignIn(email, "Wrong-Pass-1!", null));
        }

        hasher.Armed = true;
        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => accounts.SendAsync(new SignIn(email, Builders.Password, null)))));

        burst.Count(r => r.IsSuccess).ShouldBe(1);
        burst.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == "Accounts.InvalidCredentials");
    }

    /// <summary>
    /// The lock of the whole account, which anyone can cause from enough networks, does not keep the owner out of the
    /// browser they signed in from before (its known-device token), wherever it is now; a forged token, or another
    /// account's, does not help; and the device's own wrong passwords are still capped.
    /// </summary>
    [Fact]
    public async Task A_browser_that_signed_in_before_gets_past_a_lock_caused_from_many_networks()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var other = Builders.Email();
        await accounts.ActivePatientAsync(email);
        await accounts.ActivePatientAsync(other);
        var device = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.KnownDeviceToken.ShouldNotBeNull();
        var othersDevice = (await accounts.SendAsync(new SignIn(other, Builders.Password, null))).Value.KnownDeviceToken.ShouldNotBeNull();
        await accounts.OneWrongPasswordFromEachOfAsync(email, sources: 30);

        accounts.Current.Source = "198.51.100.99";
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { KnownDevice = othersDevice })).ShouldFailWith("Accounts.InvalidCredentials");
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { KnownDevice = device[..^4] + "AAAA" })).ShouldFailWith("Accounts.InvalidCredentials");
        var owner = await accounts.SendAsync(new SignIn(email, Builders.Password, null) { KnownDevice = device });
        owner.IsSuccess.ShouldBeTrue("the owner's browser, on a new network");

        for (var guess = 0; guess < 5; guess++)
        {
            await accounts.SendAsync(new SignIn(email, $"Wrong-Device-{guess}!", null) { KnownDevice = owner.Value.KnownDeviceToken });
        }

        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { KnownDevice = owner.Value.KnownDeviceToken })).ShouldFailWith("Accounts.InvalidCredentials");
    }

    /// <summary>
    /// The lockout as a weapon: one source failing five times every 15 minutes used to keep any account locked. Now
    /// it blocks only that source, each time twice as long, while the owner signs in from their own network.
    /// </summary>
    [Fact]
    public async Task One_source_guessing_for_hours_never_locks_the_owner_out_and_is_blocked_longer_each_time()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        for (var quarter = 0; quarter < 4 * 6; quarter++)
        {
            accounts.Current.Source = "203.0.113.7";
            for (var guess = 0; guess < 5; guess++)
            {
                await accounts.SendAsync(new SignIn(email, $"Wrong-Pass-{quarter}-{guess}!", null));
            }

            accounts.Current.Source = "198.51.100.20";
            (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).IsSuccess.ShouldBeTrue($"the owner, from their network, after {quarter * 15} minutes");
            accounts.Clock.Advance(TimeSpan.FromMinutes(15));
        }

        // Blocks of 15, 30, 60, 120 then 240 minutes, each after five checked guesses: 25 in six hours, where a fixed
        // 15-minute lock let 120 through.
        var attacker = await accounts.QueryAsync(db => db.Throttles.SingleAsync(t => t.Counter == Throttle.SourceKey(accounts.Services.GetRequiredService<Pepper>(), "203.0.113.7")));
        attacker.Blocks.ShouldBe(5);
        attacker.BlockedUntilUtc.ShouldBe(accounts.Clock.GetUtcNow() - TimeSpan.FromMinutes(15 * 24) + TimeSpan.FromMinutes(225 + 240));
        (await accounts.MailsToAsync(email)).ShouldNotContain(m => m.Subject.StartsWith("Votre compte a été verrouillé"), "one source never locks the account");
    }

    [Fact]
    public async Task Guesses_from_many_sources_are_capped_per_hour_then_the_account_is_locked_for_all_and_its_owner_told()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        await accounts.OneWrongPasswordFromEachOfAsync(email, sources: 30);
        accounts.Current.Source = "198.51.100.20";
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
        (await accounts.MailsToAsync(email))[^1].Subject.ShouldStartWith("Votre compte a été verrouillé");
        accounts.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).IsSuccess.ShouldBeTrue("the lock ends");
    }

    [Fact]
    public async Task A_reset_that_proves_the_email_works_while_the_account_is_locked_and_ends_the_lock()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        await accounts.OneWrongPasswordFromEachOfAsync(email, sources: 30);
        accounts.Current.Source = "198.51.100.20";
        await accounts.ForgotPasswordAsync(email);
        var reset = await accounts.SendAsync(new ResetPassword(await accounts.TokenMailedToAsync(email), email, "Autre-Riviere-77?", "Autre-Riviere-77?", null));

        reset.IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, "Autre-Riviere-77?", null))).IsSuccess.ShouldBeTrue("the lock ended with the reset");
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

    /// <summary>The throttle keeps no row (no hash of an address someone typed) once it can no longer change anything.</summary>
    [Fact]
    public async Task Throttle_rows_are_purged_two_days_after_their_last_event()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        await accounts.SendAsync(new SignIn("nobody@example.org", "Wrong-Pass-1!", null));
        accounts.Clock.Advance(TimeSpan.FromDays(1));
        await accounts.SendAsync(new SignIn("somebody@example.org", "Wrong-Pass-1!", null));
        accounts.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        using var scope = accounts.Services.CreateScope();
        var retention = scope.ServiceProvider.GetServices<IModuleRetention>().OfType<PatientPortal.Modules.Accounts.Data.ThrottleRetention>().Single();
        (await retention.PurgeAsync(CancellationToken.None)).ShouldBe(2, "the first address's two counters");
        (await accounts.QueryAsync(db => db.Throttles.CountAsync())).ShouldBe(2, "the second's, a day old, stay");
    }

    /// <summary>A copy of the database does not tell who was tried, or from where: the hashes are keyed (Accounts:HashKey).</summary>
    [Fact]
    public async Task Throttle_rows_hold_keyed_hashes_of_the_address_and_the_source()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        await accounts.SendAsync(new SignIn("Somebody@Example.org", "Wrong-Pass-1!", null));

        var rows = await accounts.QueryAsync(db => db.Throttles.AsNoTracking().ToListAsync());
        var plain = new[] { "SOMEBODY@EXAMPLE.ORG", accounts.Current.Source }.Select(Secrets.Hash).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => !plain.Contains(r.Subject) && !plain.Contains(r.Counter));
        rows.ShouldAllBe(r => r.Subject == Throttle.SubjectOf(accounts.Services.GetRequiredService<Pepper>(), "SOMEBODY@EXAMPLE.ORG"));
    }

    /// <summary>
    /// Known-device tokens someone hoarded while they knew the password die with it (a reset), and all the known
    /// devices of an address share a daily cap, so a pile of tokens is not a pile of 5-guess budgets.
    /// </summary>
    [Fact]
    public async Task Known_device_tokens_end_with_the_password_and_share_one_daily_cap()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);
        var hoarded = new List<string>();
        for (var browser = 0; browser < 4; browser++)
        {
            hoarded.Add((await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value.KnownDeviceToken!);
        }

        for (var device = 0; device < 2; device++)
        {
            for (var guess = 0; guess < 5; guess++)
            {
                await accounts.SendAsync(new SignIn(email, $"Wrong-Device-{device}-{guess}!", null) { KnownDevice = hoarded[device] });
            }
        }

        (await accounts.SendAsync(new SignIn(email, Builders.Password, null) { KnownDevice = hoarded[2] })).ShouldFailWith("Accounts.InvalidCredentials");

        accounts.Clock.Advance(TimeSpan.FromDays(1));
        await accounts.ForgotPasswordAsync(email);
        (await accounts.SendAsync(new ResetPassword(await accounts.TokenMailedToAsync(email), email, "Autre-Riviere-77?", "Autre-Riviere-77?", null))).IsSuccess.ShouldBeTrue();
        await accounts.OneWrongPasswordFromEachOfAsync(email, sources: 30);
        accounts.Current.Source = "198.51.100.99";
        (await accounts.SendAsync(new SignIn(email, "Autre-Riviere-77?", null) { KnownDevice = hoarded[3] })).ShouldFailWith("Accounts.InvalidCredentials");
    }
}
