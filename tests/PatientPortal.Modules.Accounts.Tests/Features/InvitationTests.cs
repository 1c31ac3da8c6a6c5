namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>InvitePatient, ResendInvitation, ListInvitations, GetInvitation and AcceptInvitation.</summary>
public sealed class InvitationTests
{
    private static InvitePatient Invite(string email, string? card = null) =>
        new(email, "Nathan", "Milner", new DateOnly(1990, 2, 18), card, "DOS-4471", "en");

    private static AcceptInvitation Accept(string token, string email, string code, string? pin = null, bool privacy = false) =>
        new(token, email, code, Builders.Password, Builders.Password, pin, privacy);

    private static async Task<AccountsHarness> WithStaffAsync(DatabaseProvider provider, bool quebec = false)
    {
        var accounts = await AccountsHarness.CreateAsync(provider, new() { ["Accounts:QuebecInvitations"] = quebec ? "true" : "false" });
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff);
        return accounts;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_invited_patient_creates_the_account_with_the_emailed_link_and_the_clinic_code_then_accepts_the_terms(DatabaseProvider provider)
    {
        await using var accounts = await WithStaffAsync(provider);
        var email = Builders.Email();

        var sent = (await accounts.SendAsync(Invite(email))).Value;
        var token = await accounts.TokenMailedToAsync(email);
        var mail = (await accounts.MailsToAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("Activate your account");
        sent.ClinicCode!.ShouldMatch("^[0-9]{6}$");
        (await accounts.SendAsync(new GetInvitation(token))).Value.ShouldBe(new InvitationView(false, false));

        var activation = await accounts.SendAsync(Accept(token, email.ToUpperInvariant(), sent.ClinicCode!));
        var signedIn = await accounts.SendAsync(new AcceptTermsAndActivate(activation.Value, "2026-01", null, null));

        signedIn.IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new ListInvitations())).Value.Single().State.ShouldBe(InvitationState.Used);
        (await accounts.QueryAsync(db => db.OutboxMessages.SingleAsync())).Payload.ShouldContain("\"ClinicPatientId\":\"DOS-4471\"");
        (await accounts.SendAsync(Accept(token, email, sent.ClinicCode!))).ShouldFailWith("Accounts.InvitationUsed");
    }

    [Fact]
    public async Task The_invitation_email_carries_the_link_only_and_the_clinic_code_goes_to_staff_alone_even_on_a_re_send()
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();

        var first = (await accounts.SendAsync(Invite(email))).Value;
        var second = (await accounts.SendAsync(new ResendInvitation(first.InvitationId))).Value;

        var mails = await accounts.MailsToAsync(email);
        mails.Count.ShouldBe(2);
        foreach (var mail in mails)
        {
            mail.TextBody.ShouldContain("token=");
            mail.TextBody.ShouldNotContain(first.ClinicCode!);
            mail.TextBody.ShouldNotContain(second.ClinicCode!);
            mail.HtmlBody.ShouldNotContain(first.ClinicCode!);
            mail.HtmlBody.ShouldNotContain(second.ClinicCode!);
        }

        second.ClinicCode.ShouldNotBe(first.ClinicCode);
        var token = await accounts.TokenMailedToAsync(email);
        (await accounts.SendAsync(Accept(token, email, first.ClinicCode!))).ShouldFailWith("Accounts.InvitationDetailsWrong");
        (await accounts.SendAsync(Accept(token, email, second.ClinicCode!))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_invitation_until_staff_re_send_it_with_a_new_code()
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var first = (await accounts.SendAsync(Invite(email))).Value;
        var token = await accounts.TokenMailedToAsync(email);
        var wrong = first.ClinicCode == "000000" ? "999999" : "000000";

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await accounts.SendAsync(Accept(token, email, wrong))).ShouldFailWith("Accounts.InvitationDetailsWrong");
        }

        (await accounts.SendAsync(Accept(token, email, wrong))).ShouldFailWith("Accounts.InvitationLocked");
        (await accounts.SendAsync(Accept(token, email, first.ClinicCode!))).ShouldFailWith("Accounts.InvitationLocked");
        (await accounts.SendAsync(new ListInvitations())).Value.Single().State.ShouldBe(InvitationState.Locked);

        var second = (await accounts.SendAsync(new ResendInvitation(first.InvitationId))).Value;
        var newToken = await accounts.TokenMailedToAsync(email);

        (await accounts.SendAsync(new GetInvitation(token))).ShouldFailWith("Accounts.InvitationInvalid");
        (await accounts.SendAsync(Accept(newToken, email, second.ClinicCode!))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task An_expired_invitation_sends_the_patient_back_to_the_clinic()
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var sent = (await accounts.SendAsync(Invite(email))).Value;
        var token = await accounts.TokenMailedToAsync(email);
        accounts.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        (await accounts.SendAsync(new GetInvitation(token))).IsSuccess.ShouldBeTrue("shortly before 7 days");
        accounts.Clock.Advance(TimeSpan.FromMinutes(1));

        (await accounts.SendAsync(Accept(token, email, sent.ClinicCode!))).ShouldFailWith("Accounts.InvitationExpired");
        (await accounts.SendAsync(new ListInvitations())).Value.Single().State.ShouldBe(InvitationState.Expired);
    }

    [Fact]
    public async Task The_wrong_email_with_the_right_code_counts_as_a_wrong_try()
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var sent = (await accounts.SendAsync(Invite(email))).Value;
        var token = await accounts.TokenMailedToAsync(email);

        (await accounts.SendAsync(Accept(token, "someone.else@example.com", sent.ClinicCode!))).ShouldFailWith("Accounts.InvitationDetailsWrong");
        (await accounts.QueryAsync(db => db.Invitations.SingleAsync())).WrongCodes.ShouldBe(1);
    }

    [Theory]
    [InlineData("MILN 9002 1845", "1845")]
    [InlineData(null, "1990-02-18")]
    [InlineData(null, "19900218")]
    public async Task In_the_Quebec_variant_the_code_is_the_card_s_last_4_digits_or_the_date_of_birth_with_a_PIN_and_the_privacy_policy(string? card, string code)
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite, quebec: true);
        var email = Builders.Email();
        (await accounts.SendAsync(Invite(email, card))).Value.ClinicCode.ShouldBeNull("the patient already knows their code");
        var token = await accounts.TokenMailedToAsync(email);
        (await accounts.SendAsync(new GetInvitation(token))).Value.ShouldBe(new InvitationView(true, card is null));

        (await accounts.SendAsync(Accept(token, email, "0000", pin: null, privacy: true))).ShouldFailWith("Accounts.PinRequired");
        (await accounts.SendAsync(Accept(token, email, code, pin: null, privacy: true))).ShouldFailWith("Accounts.PinRequired");
        (await accounts.QueryAsync(db => db.Invitations.SingleAsync())).WrongCodes.ShouldBe(0, "the answer never depends on the code before the PIN is there");
        (await accounts.SendAsync(Accept(token, email, code, pin: "4821", privacy: false))).ShouldFailWith("Accounts.PrivacyPolicyRequired");
        var activation = await accounts.SendAsync(Accept(token, email, code, pin: "4821", privacy: true));

        activation.IsSuccess.ShouldBeTrue();
        var account = await accounts.QueryAsync(db => db.Accounts.SingleAsync());
        account.RecoveryPinHash.ShouldNotBeNull();
        account.RecoveryPinHash.ShouldNotContain("4821");
    }

    [Fact]
    public async Task With_a_recovery_PIN_a_reset_needs_the_PIN_too()
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite, quebec: true);
        var email = Builders.Email();
        await accounts.SendAsync(Invite(email, "MILN 9002 1845"));
        var activation = await accounts.SendAsync(Accept(await accounts.TokenMailedToAsync(email), email, "1845", pin: "4821", privacy: true));
        await accounts.SendAsync(new AcceptTermsAndActivate(activation.Value, "2026-01", null, null));
        await accounts.ForgotPasswordAsync(email);
        var token = await accounts.TokenMailedToAsync(email);

        (await accounts.SendAsync(new GetPasswordReset(token))).Value.RequiresPin.ShouldBeTrue();
        (await accounts.SendAsync(new ResetPassword(token, email, "Autre-Riviere-77?", "Autre-Riviere-77?", "0000"))).ShouldFailWith("Accounts.ResetDetailsWrong");
        (await accounts.SendAsync(new ResetPassword(token, email, "Autre-Riviere-77?", "Autre-Riviere-77?", "4821"))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task A_child_under_the_age_of_consent_cannot_be_invited_to_an_account_of_their_own()
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite);

        var child = await accounts.SendAsync(new InvitePatient(Builders.Email(), "Nathan", "Milner", new DateOnly(2017, 2, 18), null, null, "fr"));

        child.ShouldFailWith("Accounts.InviteeUnderAgeOfConsent");
    }

    [Fact]
    public async Task Only_staff_can_invite_list_or_re_send()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Patient);

        (await accounts.SendAsync(Invite(Builders.Email()))).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.SendAsync(new ListInvitations())).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.SendAsync(new ResendInvitation(Guid.NewGuid()))).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.QueryAsync(db => db.Invitations.CountAsync())).ShouldBe(0);
    }

    /// <summary>The terms page an invitation opens needs no password, so its link lasts minutes: a page left open elsewhere dies.</summary>
    [Fact]
    public async Task The_terms_link_an_accepted_invitation_opens_lasts_30_minutes_then_the_password_is_needed()
    {
        await using var accounts = await WithStaffAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var sent = (await accounts.SendAsync(Invite(email))).Value;
        var activation = await accounts.SendAsync(Accept(await accounts.TokenMailedToAsync(email), email, sent.ClinicCode!));

        accounts.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        (await accounts.SendAsync(new AcceptTermsAndActivate(activation.Value, "2026-01", null, null))).ShouldFailWith(AccountErrors.ActivationLinkInvalid);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).ShouldFailWith(AccountErrors.NotActivated);
    }
}
