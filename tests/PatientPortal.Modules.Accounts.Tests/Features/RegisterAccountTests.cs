using Microsoft.Extensions.DependencyInjection;

using Microsoft.Extensions.Time.Testing;
using PatientPortal.Modules.Accounts.Domain;

namespace PatientPortal.Modules.Accounts.Tests.Features;

public sealed class RegisterAccountTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Registering_creates_a_pending_account_and_mails_an_activation_link_in_the_patient_s_language(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();

        var result = await accounts.SendAsync(Builders.Registration(email, language: "en"));

        result.IsSuccess.ShouldBeTrue();
        var account = await accounts.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == result.Value));
        account.Status.ShouldBe(AccountStatus.PendingActivation);
        account.Language.ShouldBe("en-CA");
        account.HealthInsuranceNumber.ShouldBe("TREH89042712");
        var mail = (await accounts.MailsToAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("Activate Your Account");
        mail.TextBody.ShouldContain("https://portal.test/Activation?token=");
        (await accounts.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0, "Profiles hears of the account once it is activated");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_email_of_an_active_account_is_refused_whatever_its_case(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        await accounts.ActivePatientAsync(email);

        var again = await accounts.SendAsync(Builders.Registration(email.ToUpperInvariant()));

        again.ShouldFailWith("Accounts.EmailTaken");
        (await accounts.QueryAsync(db => db.Accounts.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Twenty_parallel_registrations_of_one_email_create_exactly_one_account_and_none_is_told_the_address_is_taken(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => accounts.SendAsync(Builders.Registration(email))));

        // Nobody activated it: a registration that lost the race starts it over like a later one would.
        results.ShouldAllBe(r => r.IsSuccess);
        results.Select(r => r.Value).Distinct().ShouldHaveSingleItem();
        (await accounts.QueryAsync(db => db.Accounts.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_invited_account_nobody_activated_in_time_no_longer_holds_the_address(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff);
        var sent = (await accounts.SendAsync(new InvitePatient(email, "Nathan", "Milner", new DateOnly(1990, 2, 18), null, "DOS-1", "en"))).Value;
        accounts.Current.AccountId = null;
        var accepted = await accounts.SendAsync(new AcceptInvitation(await accounts.TokenMailedToAsync(email), email, sent.ClinicCode!, "Invite-Pass-33!", "Invite-Pass-33!", null, false));
        accepted.IsSuccess.ShouldBeTrue();
        // Accepted, but the terms never were: the account waits, pending, with a clinic id (not an "unclaimed registration").
        (await accounts.SendAsync(Builders.Registration(email))).ShouldFailWith(AccountErrors.EmailTaken);

        accounts.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var registered = await accounts.SendAsync(Builders.Registration(email));

        registered.IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new AcceptTermsAndActivate(await accounts.TokenMailedToAsync(email), "2026-01", Builders.Password, null))).IsSuccess.ShouldBeTrue();
        var account = await accounts.QueryAsync(db => db.Accounts.AsNoTracking().SingleAsync());
        account.Id.ShouldBe(registered.Value);
        account.ClinicPatientId.ShouldBeNull();
        (await accounts.SendAsync(new AcceptTermsAndActivate(accepted.Value, "2026-01", null, null))).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public async Task A_registration_whose_activation_link_was_sent_again_holds_the_address_while_that_link_works()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        (await accounts.SendAsync(Builders.Registration(email))).IsSuccess.ShouldBeTrue();
        accounts.Clock.Advance(TimeSpan.FromDays(1.5));
        (await accounts.SendAsync(new ResendActivation(email, Builders.Password))).IsSuccess.ShouldBeTrue();
        accounts.Clock.Advance(TimeSpan.FromDays(1));
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff);

        (await accounts.SendAsync(new InvitePatient(email, "Nathan", "Milner", new DateOnly(1990, 2, 18), null, null, "en"))).ShouldFailWith(AccountErrors.EmailTaken);

        accounts.Clock.Advance(TimeSpan.FromDays(1));
        (await accounts.SendAsync(new InvitePatient(email, "Nathan", "Milner", new DateOnly(1990, 2, 18), null, null, "en"))).IsSuccess.ShouldBeTrue();
        (await accounts.QueryAsync(db => db.Accounts.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_hourly_purge_forgets_registrations_nobody_activated_a_day_after_they_lapsed()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var (lapsed, waiting, active) = (Builders.Email(), Builders.Email(), Builders.Email());
        (await accounts.SendAsync(Builders.Registration(lapsed))).IsSuccess.ShouldBeTrue();
        await accounts.ActivePatientAsync(active);
        accounts.Clock.Advance(TimeSpan.FromDays(2.5));
        (await accounts.SendAsync(Builders.Registration(waiting))).IsSuccess.ShouldBeTrue();
        accounts.Clock.Advance(TimeSpan.FromDays(0.6));

        using var scope = accounts.Services.CreateScope();
        var retention = scope.ServiceProvider.GetServices<IModuleRetention>().OfType<PatientPortal.Modules.Accounts.Data.UnclaimedAccountRetention>().Single();
        (await retention.PurgeAsync(CancellationToken.None)).ShouldBe(1);

        (await accounts.QueryAsync(db => db.Accounts.Select(a => a.Email).ToListAsync())).ShouldBe([waiting, active], ignoreOrder: true);
        (await accounts.QueryAsync(db => db.Tokens.Join(db.Accounts, t => t.AccountId, a => a.Id, (t, a) => t).CountAsync()))
            .ShouldBe(await accounts.QueryAsync(db => db.Tokens.CountAsync()), "no token outlives its account");
    }

    [Fact]
    public async Task Registering_again_an_address_never_activated_starts_over_and_kills_the_old_links()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email, "Squatter-Pass-11!"));
        var squatterLink = await accounts.TokenMailedToAsync(email);

        var again = await accounts.SendAsync(Builders.Registration(email, language: "en"));

        again.IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new GetActivation(squatterLink))).ShouldFailWith("Accounts.ActivationLinkInvalid");
        (await accounts.SendAsync(new AcceptTermsAndActivate(await accounts.TokenMailedToAsync(email), "2026-01", Builders.Password, null))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, "Squatter-Pass-11!", null))).ShouldFailWith("Accounts.InvalidCredentials");
        (await accounts.SendAsync(Builders.Registration(email))).ShouldFailWith("Accounts.EmailTaken");
    }

    [Fact]
    public async Task Someone_under_the_age_of_consent_is_refused_and_is_accepted_from_their_birthday_in_the_clinic_s_time_zone()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        // 14th birthday on 2026-03-03. At 03:00 UTC it is still March 2nd in Montreal (UTC-5).
        var birth = new DateOnly(2012, 3, 3);
        accounts.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero));

        (await accounts.SendAsync(Builders.Registration(Builders.Email(), birth: birth))).ShouldFailWith("Accounts.UnderAgeOfConsent");

        accounts.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero));
        (await accounts.SendAsync(Builders.Registration(Builders.Email(), birth: birth))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_field_is_validated_again_on_the_server()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var bad = new RegisterAccount("not-an-email", "other@example.com", "short", "different", "", "", null, "123", "12", PhoneType.Home, "555", null, "de");

        var result = await accounts.SendAsync(bad);

        result.Errors.Select(e => (e.Key, e.Field)).ShouldBe(
        [
            ("Accounts.EmailInvalid", "Email"),
            ("Accounts.EmailsDoNotMatch", "ConfirmEmail"),
            ("Accounts.PasswordTooShort", "Password"),
            ("Accounts.PasswordNeedsUppercase", "Password"),
            ("Accounts.PasswordNeedsDigit", "Password"),
            ("Accounts.PasswordNeedsSpecial", "Password"),
            ("Accounts.PasswordTooCommon", "Password"),
            ("Accounts.PasswordsDoNotMatch", "ConfirmPassword"),
            ("Validation.NotEmpty", "FirstName"),
            ("Validation.NotEmpty", "LastName"),
            ("Validation.NotNull", "DateOfBirth"),
            ("Accounts.HealthInsuranceNumberInvalid", "HealthInsuranceNumber"),
            ("Accounts.PhoneInvalid", "PrimaryPhone"),
            ("Accounts.PhoneInvalid", "SecondaryPhone"),
            ("Validation.NotNull", "SecondaryPhoneType"),
            ("Accounts.LanguageInvalid", "Language"),
        ], ignoreOrder: true);
        (await accounts.QueryAsync(db => db.Accounts.CountAsync())).ShouldBe(0);
    }

    /// <summary>
    /// Lookalike addresses: "ſteve" (long s) upper-cases to STEVE, so it used to squat Steve's key while its mail went
    /// elsewhere. It is now stored as the address it stands for, so its activation mail goes to the real Steve.
    /// </summary>
    [Fact]
    public async Task A_long_s_lookalike_is_registered_as_the_plain_address_so_its_mail_goes_to_the_real_owner()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);

        (await accounts.SendAsync(Builders.Registration("\u017Fteve@example.com"))).IsSuccess.ShouldBeTrue();

        (await accounts.QueryAsync(db => db.Accounts.SingleAsync())).Email.ShouldBe("steve@example.com");
        (await accounts.MailsToAsync("steve@example.com")).ShouldHaveSingleItem();
        (await accounts.MailsToAsync("\u017Fteve@example.com")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\u03C2teve@example.com")] // final sigma ς: upper-cases to Σ, like σ
    [InlineData("\u1C83teve@example.com")] // rounded Cyrillic ᲃ: upper-cases to С, like с
    [InlineData("ste\u200Bve@example.com")] // an invisible zero-width space
    [InlineData("\"steve\"@example.com")] // a quoted local part
    [InlineData("steve@example.com.")] // a trailing dot
    public async Task A_lookalike_spelling_of_another_address_is_refused(string lookalike)
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);

        (await accounts.SendAsync(Builders.Registration(lookalike))).ShouldFailWith(AccountErrors.EmailInvalid);
        (await accounts.SendAsync(new SignIn(lookalike, Builders.Password, null))).ShouldFailWith(AccountErrors.InvalidCredentials);
    }

    [Theory]
    [InlineData("\uFF53\uFF54\uFF45\uFF56\uFF45@EXAMPLE.com", "steve@example.com")] // full-width letters
    [InlineData("Steve@B\u00FCcher.example", "Steve@xn--bcher-kva.example")] // an internationalized domain
    public async Task Unicode_spellings_of_one_address_are_one_address(string typed, string stored)
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        await accounts.ActivePatientAsync(stored);

        (await accounts.SendAsync(Builders.Registration(typed))).ShouldFailWith(AccountErrors.EmailTaken);
        (await accounts.SendAsync(new SignIn(typed, Builders.Password, null))).IsSuccess.ShouldBeTrue();
        (await accounts.QueryAsync(db => db.Accounts.SingleAsync())).Email.ShouldBe(stored);
    }
}
