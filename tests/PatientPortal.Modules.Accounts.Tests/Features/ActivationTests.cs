using PatientPortal.Modules.Accounts.Domain;

namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>GetActivation, AcceptTermsAndActivate and ResendActivation.</summary>
public sealed class ActivationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Accepting_the_terms_activates_the_account_signs_in_and_tells_Profiles(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));
        var token = await accounts.TokenMailedToAsync(email);

        (await accounts.SendAsync(new GetActivation(token))).Value.ShouldBe(new ActivationView(email, "2026-01", PasswordRequired: true));
        var signedIn = await accounts.SendAsync(new AcceptTermsAndActivate(token, "2026-01", Builders.Password, "Firefox"));

        signedIn.IsSuccess.ShouldBeTrue();
        var account = await accounts.QueryAsync(db => db.Accounts.SingleAsync());
        account.Status.ShouldBe(AccountStatus.Active);
        account.TermsVersion.ShouldBe("2026-01");
        account.TermsAcceptedUtc.ShouldBe(accounts.Clock.GetUtcNow());
        (await accounts.QueryAsync(db => db.Sessions.SingleAsync())).Id.ShouldBe(signedIn.Value.SessionId);
        var published = await accounts.QueryAsync(db => db.OutboxMessages.SingleAsync());
        published.Type.ShouldStartWith(typeof(AccountRegistered).FullName!);
        published.Payload.ShouldContain("\"HealthInsuranceNumber\":\"TREH89042712\"");
        (await accounts.MailsToAsync(email)).Select(m => m.Subject).ShouldBe(
            ["Activez votre compte — PatientPortal", "Votre compte portail est actif — PatientPortal"]);
    }

    [Fact]
    public async Task An_activation_link_works_once()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));
        var token = await accounts.TokenMailedToAsync(email);
        await accounts.SendAsync(new AcceptTermsAndActivate(token, "2026-01", Builders.Password, null));

        (await accounts.SendAsync(new AcceptTermsAndActivate(token, "2026-01", Builders.Password, null))).ShouldFailWith("Accounts.ActivationLinkInvalid");
        (await accounts.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(1);
    }

    /// <summary>
    /// Strangers lock a pending address with wrong sign-ins from many networks, again and again until its link expires:
    /// the owner, holding the link and the password, activates anyway (the link caps its own tries).
    /// </summary>
    [Fact]
    public async Task The_owner_activates_while_strangers_keep_the_address_locked()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        (await accounts.SendAsync(Builders.Registration(email))).IsSuccess.ShouldBeTrue();
        var token = await accounts.TokenMailedToAsync(email);
        await accounts.OneWrongPasswordFromEachOfAsync(email, sources: 30);
        accounts.Current.Source = "198.51.100.20";

        (await accounts.SendAsync(new AcceptTermsAndActivate(token, "2026-01", Builders.Password, null))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Once_the_account_is_active_an_older_activation_link_signs_nobody_in()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));
        var first = await accounts.TokenMailedToAsync(email);
        await accounts.SendAsync(new ResendActivation(email, Builders.Password));
        await accounts.SendAsync(new AcceptTermsAndActivate(await accounts.TokenMailedToAsync(email), "2026-01", Builders.Password, null));

        (await accounts.SendAsync(new GetActivation(first))).ShouldFailWith("Accounts.ActivationLinkInvalid");
        (await accounts.SendAsync(new AcceptTermsAndActivate(first, "2026-01", Builders.Password, null))).ShouldFailWith("Accounts.ActivationLinkInvalid");
        (await accounts.QueryAsync(db => db.Sessions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_double_submit_of_the_terms_gives_one_session_and_no_error()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));
        var token = await accounts.TokenMailedToAsync(email);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => accounts.SendAsync(new AcceptTermsAndActivate(token, "2026-01", Builders.Password, null))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        (await accounts.QueryAsync(db => db.Sessions.CountAsync())).ShouldBe(1);
        (await accounts.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task An_activation_link_expires_and_a_correct_password_gets_a_new_one()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));
        var old = await accounts.TokenMailedToAsync(email);
        accounts.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));

        (await accounts.SendAsync(new GetActivation(old))).ShouldFailWith("Accounts.ActivationLinkInvalid");
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.NotActivated");
        (await accounts.SendAsync(new ResendActivation(email, "Wrong-Pass-1!"))).ShouldFailWith("Accounts.InvalidCredentials");
        (await accounts.SendAsync(new ResendActivation(email, Builders.Password))).IsSuccess.ShouldBeTrue();

        var fresh = await accounts.TokenMailedToAsync(email);
        fresh.ShouldNotBe(old);
        (await accounts.SendAsync(new AcceptTermsAndActivate(fresh, "2026-01", Builders.Password, null))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Terms_that_changed_since_the_page_was_shown_are_not_accepted()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));

        (await accounts.SendAsync(new AcceptTermsAndActivate(await accounts.TokenMailedToAsync(email), "2025-01", Builders.Password, null))).ShouldFailWith("Accounts.TermsChanged");
    }

    /// <summary>"Send a new activation email" checks the password like a sign-in: it is no way around the lockout.</summary>
    [Fact]
    public async Task Wrong_passwords_sent_to_resend_the_activation_count_toward_the_lock_and_a_locked_account_gets_no_mail()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await accounts.SendAsync(new ResendActivation(email, "Wrong-Pass-1!"))).ShouldFailWith(AccountErrors.InvalidCredentials);
        }

        (await accounts.SendAsync(new ResendActivation(email, Builders.Password))).Errors.ShouldBe([new BuildingBlocks.Results.Error(AccountErrors.InvalidCredentials)]);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Errors.ShouldBe([new BuildingBlocks.Results.Error(AccountErrors.InvalidCredentials)]);
        (await accounts.MailsToAsync(email)).Count.ShouldBe(1, "only the registration's activation mail");
    }

    /// <summary>
    /// Taking over an account that waits for activation: the attacker registers the victim's pending address again
    /// with a password of their own, and the victim follows the fresh link. It now opens only with the password chosen
    /// at the latest registration, which the victim does not know, so nobody is signed in to the attacker's account.
    /// </summary>
    [Fact]
    public async Task A_re_registration_by_someone_else_cannot_be_activated_by_the_owner_s_click_and_the_owner_registers_again()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));
        accounts.Current.Source = "203.0.113.7";
        (await accounts.SendAsync(Builders.Registration(email, "Attacker-Pass-11!"))).IsSuccess.ShouldBeTrue();

        accounts.Current.Source = "198.51.100.20";
        var victimsClick = await accounts.SendAsync(new AcceptTermsAndActivate(await accounts.TokenMailedToAsync(email), "2026-01", Builders.Password, null));

        victimsClick.ShouldFailWith(AccountErrors.ActivationPasswordWrong);
        (await accounts.QueryAsync(db => db.Sessions.CountAsync())).ShouldBe(0);
        (await accounts.SendAsync(Builders.Registration(email))).IsSuccess.ShouldBeTrue("the owner registers again");
        (await accounts.SendAsync(new AcceptTermsAndActivate(await accounts.TokenMailedToAsync(email), "2026-01", Builders.Password, null))).IsSuccess.ShouldBeTrue();
        accounts.Current.Source = "203.0.113.7";
        (await accounts.SendAsync(new SignIn(email, "Attacker-Pass-11!", null))).ShouldFailWith(AccountErrors.InvalidCredentials);
    }

    /// <summary>The variant: the attacker registers the address first; its owner, following "their" email, cannot activate it.</summary>
    [Fact]
    public async Task An_activation_link_opens_nothing_without_the_password_chosen_at_registration()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email, "Attacker-Pass-11!"));
        var link = await accounts.TokenMailedToAsync(email);

        (await accounts.SendAsync(new AcceptTermsAndActivate(link, "2026-01", null, null))).ShouldFailWith(AccountErrors.ActivationPasswordWrong);
        (await accounts.SendAsync(new AcceptTermsAndActivate(link, "2026-01", Builders.Password, null))).ShouldFailWith(AccountErrors.ActivationPasswordWrong);

        (await accounts.QueryAsync(db => db.Accounts.SingleAsync())).Status.ShouldBe(AccountStatus.PendingActivation);
        (await accounts.QueryAsync(db => db.Sessions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Five_wrong_passwords_on_an_activation_link_spend_it()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:MaxFailedSignIns"] = "50" });
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));
        var link = await accounts.TokenMailedToAsync(email);

        for (var guess = 1; guess <= 4; guess++)
        {
            (await accounts.SendAsync(new AcceptTermsAndActivate(link, "2026-01", $"Guess-{guess}-Pass!", null))).ShouldFailWith(AccountErrors.ActivationPasswordWrong);
        }

        (await accounts.SendAsync(new AcceptTermsAndActivate(link, "2026-01", "Guess-5-Pass!", null))).ShouldFailWith(AccountErrors.ActivationLinkInvalid);
        (await accounts.SendAsync(new AcceptTermsAndActivate(link, "2026-01", Builders.Password, null))).ShouldFailWith(AccountErrors.ActivationLinkInvalid);
    }

    /// <summary>Mail flooding: resend, like registration and forgot-password, mails one address at most five times an hour.</summary>
    [Fact]
    public async Task Asking_again_and_again_for_an_activation_mail_sends_five_an_hour_with_the_usual_answer()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        await accounts.SendAsync(Builders.Registration(email));

        for (var ask = 0; ask < 10; ask++)
        {
            (await accounts.SendAsync(new ResendActivation(email, Builders.Password))).IsSuccess.ShouldBeTrue();
        }

        (await accounts.MailsToAsync(email)).Count.ShouldBe(5, "the registration's mail and four more");
        accounts.Clock.Advance(TimeSpan.FromHours(1));
        (await accounts.SendAsync(new ResendActivation(email, Builders.Password))).IsSuccess.ShouldBeTrue();
        (await accounts.MailsToAsync(email)).Count.ShouldBe(6, "an hour later");
    }
}
