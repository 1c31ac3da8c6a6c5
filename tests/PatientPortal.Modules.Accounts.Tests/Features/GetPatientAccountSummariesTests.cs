namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>GetPatientAccountSummaries: staff see a patient account's sign-in email and creation date (Profiles' queue of likely record matches).</summary>
public sealed class GetPatientAccountSummariesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_get_patient_accounts_email_and_creation_date_and_nothing_for_staff_or_unknown_ids(DatabaseProvider provider)
    {
        await using var accounts = await AccountsHarness.CreateAsync(provider);
        var email = Builders.Email();
        var patient = await accounts.ActivePatientAsync(email);
        var staff = await accounts.StaffMemberAsync(Builders.Email());
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff, secondFactorPassed: true);

        var found = await accounts.SendAsync(new GetPatientAccountSummaries([patient.AccountId, patient.AccountId, staff.AccountId, Guid.CreateVersion7()]));

        var summary = found.Value.ShouldHaveSingleItem();
        (summary.AccountId, summary.Email).ShouldBe((patient.AccountId, email));
        summary.CreatedUtc.ShouldBeLessThanOrEqualTo(summary.ActivatedUtc!.Value);
    }

    [Fact]
    public async Task Only_staff_with_the_second_factor_may_ask()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var patient = await accounts.ActivePatientAsync(Builders.Email());

        accounts.Current.SignedInAs(patient.AccountId, Roles.Patient, secondFactorPassed: true);
        (await accounts.SendAsync(new GetPatientAccountSummaries([patient.AccountId]))).Errors.ShouldBe([Error.Forbidden]);
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Staff, secondFactorPassed: false);
        (await accounts.SendAsync(new GetPatientAccountSummaries([patient.AccountId]))).Errors.ShouldBe([Error.Forbidden]);
    }
}
