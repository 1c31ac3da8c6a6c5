namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>RequestEmailChange and ConfirmEmailChange: the password, a code to the old address, a link to the new one.</summary>
public sealed class EmailChangeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Changing_the_email_needs_the_password_the_old_address_s_code_and_the_new_address_s_link(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var newEmail = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);

        (await accounts.SendAsync(new RequestEmailChange("Wrong-Pass-1!", newEmail, newEmail))).ShouldFailWith("Accounts.PasswordWrong");
        (await accounts.SendAsync(new RequestEmailChange(Builders.Password, newEmail, newEmail))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new GetSignInDetails())).Value.PendingEmail.ShouldBe(newEmail);

        var code = await accounts.CodeMailedToAsync(email);
        var token = await accounts.TokenMailedToAsync(newEmail);

        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code == "000000" ? "111111" : "000000"))).ShouldFailWith("Accounts.WrongCode");
        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new SignIn(newEmail, Builders.Password, null))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith("Accounts.InvalidCredentials");
        (await accounts.MailsToAsync(email))[^1].TextBody.ShouldContain(newEmail);
        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code))).ShouldFailWith("Accounts.EmailChangeLinkInvalid");
    }

    [Fact]
    public async Task An_email_used_by_another_account_answers_like_a_free_one_tells_its_owner_and_changes_nothing()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var taken = Builders.Email();
        await accounts.ActivePatientAsync(taken);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);

        (await accounts.SendAsync(new RequestEmailChange(Builders.Password, taken, taken))).IsSuccess.ShouldBeTrue();

        (await accounts.MailsToAsync(taken))[^1].Subject.ShouldStartWith("À propos de votre adresse courriel");
        (await accounts.MailsToAsync(email)).Count.ShouldBe(2, "activation and confirmation only: no code");
        (await accounts.SendAsync(new GetSignInDetails())).Value.PendingEmail.ShouldBeNull();
    }

    /// <summary>
    /// The code sent to the old address cannot be guessed link after link, from network after network (each right
    /// password used to wipe the count): ten wrong codes a day for the address, then even the right one is refused.
    /// </summary>
    [Fact]
    public async Task Wrong_email_change_codes_are_capped_per_address_across_links_and_networks()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        for (var link = 0; link < 5; link++)
        {
            var newEmail = Builders.Email();
            accounts.Current.Source = $"203.0.113.{link}";
            (await accounts.SendAsync(new RequestEmailChange(Builders.Password, newEmail, newEmail))).IsSuccess.ShouldBeTrue();
            var token = await accounts.TokenMailedToAsync(newEmail);
            var code = await accounts.CodeMailedToAsync(email);
            if (link == 4)
            {
                (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code))).ShouldFailWith(AccountErrors.TooManyAttempts);
                return;
            }

            for (var guess = 1; guess <= 3; guess++)
            {
                await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, WrongCode(code, guess)));
            }
        }
    }

    [Fact]
    public async Task Five_wrong_codes_spend_the_confirmation_link_even_for_the_right_code()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var (_, newEmail, code, token) = await RequestedChangeAsync(accounts);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, WrongCode(code, attempt)))).ShouldFailWith(AccountErrors.WrongCode);
        }

        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, WrongCode(code, 5)))).ShouldFailWith(AccountErrors.EmailChangeLinkInvalid);
        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code))).ShouldFailWith(AccountErrors.EmailChangeLinkInvalid);
        (await accounts.SendAsync(new SignIn(newEmail, Builders.Password, null))).ShouldFailWith(AccountErrors.InvalidCredentials);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_address_taken_between_the_request_and_the_confirmation_is_refused(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var (email, newEmail, code, token) = await RequestedChangeAsync(accounts);

        await accounts.ActivePatientAsync(newEmail);

        (await accounts.SendAsync(new ConfirmEmailChange(token, newEmail, code))).ShouldFailWith(AccountErrors.EmailTaken);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).IsSuccess.ShouldBeTrue();
        var normalized = newEmail.ToUpperInvariant();
        (await accounts.QueryAsync(db => db.Accounts.CountAsync(a => a.NormalizedEmail == normalized))).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirming_a_new_email_ends_the_account_s_other_sessions_and_keeps_this_browser_s(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var (email, newEmail) = (Builders.Email(), Builders.Email());
        var here = await accounts.ActivePatientAsync(email);
        var elsewhere = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        accounts.Current.SignedInAs(here.AccountId);
        await accounts.SendAsync(new RequestEmailChange(Builders.Password, newEmail, newEmail));

        (await accounts.SendAsync(new ConfirmEmailChange(await accounts.TokenMailedToAsync(newEmail), newEmail, await accounts.CodeMailedToAsync(email), here.SessionId)))
            .IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new TouchSession(here.SessionId, here.AccountId))).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new TouchSession(elsewhere.SessionId, elsewhere.AccountId))).ShouldFailWith(AccountErrors.SessionExpired);
    }

    [Fact]
    public async Task Confirming_in_a_browser_signed_in_to_another_account_ends_every_session_of_the_changed_account_only()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var (email, newEmail) = (Builders.Email(), Builders.Email());
        var changed = await accounts.ActivePatientAsync(email);
        var browser = await accounts.ActivePatientAsync(Builders.Email());
        accounts.Current.SignedInAs(changed.AccountId);
        await accounts.SendAsync(new RequestEmailChange(Builders.Password, newEmail, newEmail));
        accounts.Current.SignedInAs(browser.AccountId);

        (await accounts.SendAsync(new ConfirmEmailChange(await accounts.TokenMailedToAsync(newEmail), newEmail, await accounts.CodeMailedToAsync(email), browser.SessionId)))
            .IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new TouchSession(changed.SessionId, changed.AccountId))).ShouldFailWith(AccountErrors.SessionExpired);
        (await accounts.SendAsync(new TouchSession(browser.SessionId, browser.AccountId))).IsSuccess.ShouldBeTrue();
    }

    /// <summary>A signed-in patient asked to move to a new address: the code mailed to the old one, the link's token mailed to the new one.</summary>
    private static async Task<(string Email, string NewEmail, string Code, string Token)> RequestedChangeAsync(AccountsHarness accounts)
    {
        var (email, newEmail) = (Builders.Email(), Builders.Email());
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        (await accounts.SendAsync(new RequestEmailChange(Builders.Password, newEmail, newEmail))).IsSuccess.ShouldBeTrue();
        return (email, newEmail, await accounts.CodeMailedToAsync(email), await accounts.TokenMailedToAsync(newEmail));
    }

    /// <summary>A six-digit code that is not the right one.</summary>
    private static string WrongCode(string code, int attempt) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + attempt) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Mail flooding through the change form: a signed-in account mails any one address at most five links an hour.</summary>
    [Fact]
    public async Task Asking_again_and_again_to_change_to_one_address_mails_it_five_times_an_hour()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var session = await accounts.ActivePatientAsync(Builders.Email());
        accounts.Current.SignedInAs(session.AccountId);
        var target = Builders.Email();

        for (var ask = 0; ask < 10; ask++)
        {
            (await accounts.SendAsync(new RequestEmailChange(Builders.Password, target, target))).IsSuccess.ShouldBeTrue();
        }

        (await accounts.MailsToAsync(target)).Count.ShouldBe(5);
    }
}
