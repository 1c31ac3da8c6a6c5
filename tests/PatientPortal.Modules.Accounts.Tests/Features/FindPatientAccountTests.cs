namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>FindPatientAccount: staff find an active patient account by its sign-in email (for Profiles to attach a record).</summary>
public sealed class FindPatientAccountTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_find_an_active_patient_account_by_its_email_in_any_case(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var patient = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff, secondFactorPassed: true);

        (await accounts.SendAsync(new FindPatientAccount($"  {email.ToUpperInvariant()} "))).Value.ShouldBe(patient.AccountId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_staff_account_an_unactivated_registration_or_an_unknown_address_is_not_found(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var staff = await accounts.StaffMemberAsync(Builders.Email());
        var pending = Builders.Email();
        (await accounts.SendAsync(Builders.Registration(pending))).IsSuccess.ShouldBeTrue();
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff, secondFactorPassed: true);

        foreach (var email in new[] { staff.Email, pending, Builders.Email(), "" })
        {
            (await accounts.SendAsync(new FindPatientAccount(email))).Errors.ShouldBe([new Error(AccountErrors.PatientAccountNotFound, "Email")], email);
        }
    }

    [Fact]
    public async Task Only_staff_with_the_second_factor_may_look_up_accounts()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var patient = await accounts.ActivePatientAsync(email);

        accounts.Current.SignedInAs(patient.AccountId, Roles.Patient, secondFactorPassed: true);
        (await accounts.SendAsync(new FindPatientAccount(email))).Errors.ShouldBe([Error.Forbidden]);
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff, secondFactorPassed: false);
        (await accounts.SendAsync(new FindPatientAccount(email))).Errors.ShouldBe([Error.Forbidden]);
    }
}
