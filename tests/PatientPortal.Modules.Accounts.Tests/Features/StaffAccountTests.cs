namespace PatientPortal.Modules.Accounts.Tests.Features;

public sealed class StaffAccountTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_admin_adds_a_staff_member_who_chooses_a_password_from_the_emailed_link(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Admin);
        var email = Builders.Email();

        (await accounts.SendAsync(new CreateStaffAccount(email, "Julie", "Gagnon", Roles.Staff, "fr"))).IsSuccess.ShouldBeTrue();
        var token = await accounts.TokenMailedToAsync(email);
        (await accounts.SendAsync(new ResetPassword(token, email, Builders.Password, Builders.Password, null))).IsSuccess.ShouldBeTrue();

        var signedIn = await accounts.SendAsync(new SignIn(email, Builders.Password, null));
        signedIn.Value.Role.ShouldBe(Roles.Staff);
        (await accounts.SendAsync(new ListStaffAccounts())).Value.ShouldContain(s => s.Email == email && s.Role == Roles.Staff);
    }

    [Fact]
    public async Task Only_an_admin_adds_staff_and_only_as_staff_or_admin()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff);

        (await accounts.SendAsync(new CreateStaffAccount(Builders.Email(), "Julie", "Gagnon", Roles.Admin, "fr"))).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.SendAsync(new ListStaffAccounts())).Errors.ShouldBe([Error.Forbidden]);

        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Admin);
        (await accounts.SendAsync(new CreateStaffAccount(Builders.Email(), "Julie", "Gagnon", Roles.Patient, "fr"))).ShouldFailWith("Accounts.RoleInvalid");
    }

    [Fact]
    public async Task A_staff_session_without_the_second_factor_is_refused_by_every_staff_handler_even_when_called_directly()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        // A real admin session opened with the password only (no authenticator app yet): the role is there, the factor is not.
        var admin = await accounts.StaffMemberAsync(Builders.Email(), Roles.Admin);
        admin.SecondFactorPassed.ShouldBeFalse();
        accounts.Current.SignedInAs(admin.AccountId, admin.Role, admin.SecondFactorPassed);
        var invitee = Builders.Email();

        (await accounts.SendAsync(new CreateStaffAccount(Builders.Email(), "Julie", "Gagnon", Roles.Staff, "fr"))).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.SendAsync(new ListStaffAccounts())).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.SendAsync(new InvitePatient(invitee, "Nathan", "Milner", new DateOnly(1990, 2, 18), null, null, "en"))).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.SendAsync(new ListInvitations())).Errors.ShouldBe([Error.Forbidden]);
        (await accounts.MailsToAsync(invitee)).ShouldBeEmpty();

        // The same session once it has passed the factor is let through.
        accounts.Current.SignedInAs(admin.AccountId, admin.Role, secondFactorPassed: true);
        (await accounts.SendAsync(new ListStaffAccounts())).IsSuccess.ShouldBeTrue();
        (await accounts.SendAsync(new ListInvitations())).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_admin_resets_a_staff_member_s_authenticator_who_is_signed_out_told_and_must_set_it_up_again(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var app = await accounts.SetUpAuthenticatorAsync(await accounts.StaffMemberAsync(email));
        var session = (await accounts.SendAsync(new VerifySignInCode(await accounts.PasswordStepAsync(email), accounts.Code(app), false, null))).Value;
        var admin = await accounts.StaffMemberAsync(Builders.Email(), Roles.Admin);
        var adminApp = await accounts.SetUpAuthenticatorAsync(admin);
        accounts.Current.SignedInAs(admin.AccountId, Roles.Admin, secondFactorPassed: true);
        (await accounts.SendAsync(new ListStaffAccounts())).Value.Single(s => s.Email == email).AuthenticatorOn.ShouldBeTrue();

        (await accounts.SendAsync(new ResetStaffAuthenticator(session.AccountId, "000000"))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        (await accounts.SendAsync(new ListStaffAccounts())).Value.Single(s => s.Email == email).AuthenticatorOn.ShouldBeTrue("a stolen admin session without the app resets nothing");
        accounts.Clock.Advance(TimeSpan.FromSeconds(30));
        (await accounts.SendAsync(new ResetStaffAuthenticator(session.AccountId, accounts.Code(adminApp)))).IsSuccess.ShouldBeTrue();

        (await accounts.SendAsync(new ListStaffAccounts())).Value.Single(s => s.Email == email).AuthenticatorOn.ShouldBeFalse();
        (await accounts.SendAsync(new TouchSession(session.SessionId, session.AccountId))).ShouldFailWith(AccountErrors.SessionExpired);
        (await accounts.MailsToAsync(email))[^1].Subject.ShouldStartWith("Votre application d'authentification a été réinitialisée");
        (await accounts.QueryAsync(db => db.RecoveryCodes.CountAsync(r => r.AccountId == session.AccountId))).ShouldBe(0);
        // The password alone opens a session that has not passed a factor: the host sends it to set up an app first.
        var next = (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).Value;
        next.SecondFactorRequired.ShouldBeNull();
        next.MustSetUpAuthenticator.ShouldBeTrue();
        next.SecondFactorPassed.ShouldBeFalse();
    }

    [Fact]
    public async Task Only_an_admin_who_passed_the_app_resets_another_staff_member_s_authenticator_never_their_own_nor_a_patient_s()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var staff = await accounts.StaffMemberAsync(email);
        await accounts.SetUpAuthenticatorAsync(staff);
        var admin = await accounts.StaffMemberAsync(Builders.Email(), Roles.Admin);
        var patient = await accounts.ActivePatientAsync(Builders.Email());
        var mails = (await accounts.MailsToAsync(email)).Count;

        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff, secondFactorPassed: true);
        (await accounts.SendAsync(new ResetStaffAuthenticator(staff.AccountId, "123456"))).Errors.ShouldBe([Error.Forbidden]);
        accounts.Current.SignedInAs(admin.AccountId, Roles.Admin, secondFactorPassed: false);
        (await accounts.SendAsync(new ResetStaffAuthenticator(staff.AccountId, "123456"))).Errors.ShouldBe([Error.Forbidden]);
        accounts.Current.SignedInAs(admin.AccountId, Roles.Admin, secondFactorPassed: true);
        (await accounts.SendAsync(new ResetStaffAuthenticator(admin.AccountId, "123456"))).Errors.ShouldBe([new Error(AccountErrors.CannotResetOwnAuthenticator)]);
        (await accounts.SendAsync(new ResetStaffAuthenticator(patient.AccountId, "123456"))).Errors.ShouldBe([Error.NotFound]);

        (await accounts.QueryAsync(db => db.SecondFactors.SingleAsync(f => f.AccountId == staff.AccountId))).IsOn.ShouldBeTrue();
        (await accounts.MailsToAsync(email)).Count.ShouldBe(mails);
    }
}
