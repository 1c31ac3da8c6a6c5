using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>GetPatientNames (issue 9, the staff calendar): staff only, unknown ids left out, every name shown on the access trail.</summary>
public sealed class GetPatientNamesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_get_the_names_of_known_records_and_each_is_on_the_access_trail(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var nathan = await profiles.RecordAsync(StaffTestData.Details("Nathan", "Milner", new DateOnly(2017, 2, 18), "MILN17021812"));
        var hugo = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2005, 10, 20), "LEVH05102012"));
        profiles.AsStaff();

        var names = (await profiles.SendAsync(new GetPatientNames([nathan, Guid.NewGuid(), nathan]))).Value;

        names.ShouldHaveSingleItem().ShouldBe(new PatientName(nathan, "Nathan", "Milner", new DateOnly(2017, 2, 18)));
        var reads = await profiles.ReadsAsync();
        reads.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.ProfileId.ShouldBe(nathan),
            r => (r.Role, r.What, r.Allowed).ShouldBe((ReaderRole.Staff, "staff-calendar", true)));
        reads.ShouldNotContain(r => r.ProfileId == hugo);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, Roles.Patient, true)]
    [InlineData(DatabaseProvider.Postgres, Roles.Staff, false)]
    public async Task A_patient_or_staff_without_the_second_factor_is_refused(DatabaseProvider provider, string role, bool secondFactor)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var nathan = await profiles.RecordAsync(StaffTestData.Details("Nathan", "Milner", new DateOnly(2017, 2, 18), "MILN17021812"));
        profiles.Current.SignedInAs(Guid.NewGuid(), role, secondFactor);

        (await profiles.SendAsync(new GetPatientNames([nathan]))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.ReadsAsync()).ShouldBeEmpty();
    }
}
