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
    public async Task Twenty_parallel_registrations_of_one_email_create_exactly_one_account(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => accounts.SendAsync(Builders.Registration(email))));

        results.ShouldContain(r => r.IsSuccess);
        results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == "Accounts.EmailTaken");
        (await accounts.QueryAsync(db => db.Accounts.CountAsync())).ShouldBe(1);
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
        (await accounts.SendAsync(new AcceptTermsAndActivate(await accounts.TokenMailedToAsync(email), "2026-01", null))).IsSuccess.ShouldBeTrue();
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
}
