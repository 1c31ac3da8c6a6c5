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
}
