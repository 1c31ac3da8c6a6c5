using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>CreatePatientProfile: staff add a clinic record, with every field, linked to no account.</summary>
public sealed class CreatePatientProfileTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_create_a_record_with_every_field_and_tell_the_other_modules_how_to_reach_the_patient(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        profiles.AsStaff();
        var practitioner = Guid.CreateVersion7();
        var details = StaffTestData.Details(card: "miln 1702 1812", chart: " C-2001 ", contactEmail: "nathan@example.com", guardianEmail: "heather@example.com")
            with { AssignedPractitionerId = practitioner, PostalCode = "h2x 1y4" };

        var id = (await profiles.SendAsync(new CreatePatientProfile(details))).Value;

        var profile = await profiles.QueryAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id));
        (profile.FirstName, profile.LastName, profile.DateOfBirth, profile.Sex, profile.HealthInsuranceNumber, profile.HealthInsuranceExpiry, profile.ClinicPatientId)
            .ShouldBe(("Nathan", "Milner", new DateOnly(2017, 2, 18), (Sex?)Sex.Male, "MILN17021812", (DateOnly?)new DateOnly(2028, 2, 28), "C-2001"));
        profile.Phones.ShouldBe([new ProfilePhone("514 555-0142", "Mobile")]);
        (profile.AddressLine, profile.City, profile.Province, profile.PostalCode).ShouldBe(("123 rue Principale", "Montréal", "QC", "H2X 1Y4"));
        (profile.ContactEmail, profile.PreferredLanguage, profile.AssignedPractitionerId).ShouldBe(("nathan@example.com", "fr-CA", (Guid?)practitioner));
        (profile.GuardianName, profile.GuardianEmail).ShouldBe(("Heather Milner", "heather@example.com"));
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync())).ShouldBeFalse();
        var contact = (await profiles.EventsAsync<ProfileContactChanged>()).ShouldHaveSingleItem();
        (contact.ProfileId, contact.ContactEmail, contact.PreferredLanguage).ShouldBe((id, "nathan@example.com", "fr-CA"));
    }

    [Fact]
    public async Task A_birth_date_of_tomorrow_is_refused_today_and_taken_tomorrow_by_the_same_validator()
    {
        // Validators are singletons (MediatorRegistration): the rule reads today at each request, not when it was built.
        await using var profiles = await ProfilesHarness.CreateAsync(DatabaseProvider.Sqlite);
        profiles.AsStaff();
        var tomorrow = profiles.Services.GetRequiredService<ClinicCalendar>().Today.AddDays(1);

        var today = await profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details(birth: tomorrow)));
        today.Errors.ShouldBe([new Error(ProfilesErrors.DateOfBirthInvalid, "Details.DateOfBirth")]);

        profiles.Clock.Advance(TimeSpan.FromDays(1));
        (await profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details(birth: tomorrow)))).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_chart_number_already_on_another_record_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.RecordAsync(StaffTestData.Details(chart: "C-2001"));
        profiles.AsStaff();

        var result = await profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details("Léa", chart: "C-2001")));

        result.Errors.ShouldBe([new Error(ProfilesErrors.ClinicPatientIdTaken, "Details.ClinicPatientId")]);
        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_records_created_at_once_with_one_chart_number_give_one_record(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        profiles.AsStaff();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details($"Twin{i}", chart: "C-7777")))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == ProfilesErrors.ClinicPatientIdTaken);
        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Invalid_fields_come_back_with_their_keys(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        profiles.AsStaff();
        var bad = StaffTestData.Details() with
        {
            FirstName = " ",
            LastName = new string('x', 101),
            DateOfBirth = new DateOnly(2026, 3, 3),
            Sex = (PatientSex)9,
            HealthInsuranceNumber = "1234",
            HealthInsuranceExpiry = new DateOnly(2016, 1, 1),
            Phones = [new PatientPhone("12", "Pager")],
            PostalCode = "99999",
            ContactEmail = "not-an-email",
            GuardianEmail = "also not",
            PreferredLanguage = "de",
        };

        var result = await profiles.SendAsync(new CreatePatientProfile(bad));

        result.Errors.Select(e => e.Key).Order().ShouldBe(new[]
        {
            ProfilesErrors.FirstNameRequired, ProfilesErrors.NameTooLong, ProfilesErrors.DateOfBirthInvalid, ProfilesErrors.SexInvalid,
            ProfilesErrors.HealthInsuranceNumberInvalid, ProfilesErrors.HealthInsuranceExpiryInvalid, ProfilesErrors.PhoneInvalid,
            ProfilesErrors.PhoneTypeInvalid, ProfilesErrors.PostalCodeInvalid, ProfilesErrors.ContactEmailInvalid,
            ProfilesErrors.GuardianEmailInvalid, ProfilesErrors.LanguageInvalid,
        }.Order());
        result.Errors.ShouldContain(e => e.Key == ProfilesErrors.FirstNameRequired && e.Field == "Details.FirstName");
        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(0);
    }
}
