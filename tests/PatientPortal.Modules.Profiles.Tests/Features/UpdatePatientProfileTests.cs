namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>UpdatePatientProfile: staff change every field of a record; how to reach the patient is published when it changed.</summary>
public sealed class UpdatePatientProfileTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_change_the_record_and_a_contact_change_is_published(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var nathan = await profiles.RecordAsync(StaffTestData.Details(contactEmail: "old@example.com"));
        profiles.AsStaff();
        profiles.Clock.Advance(TimeSpan.FromHours(1));
        var changed = StaffTestData.Details("Nathan", "Milner-Roy", new DateOnly(2017, 2, 19), "MILN17021913", "C-9",
            contactEmail: "new@example.com", language: "en-CA", guardianEmail: "guardian@example.com") with
        { Sex = PatientSex.Other, Phones = [new PatientPhone("438 555-0100", "Home"), new PatientPhone("514 555-0101", "Work")] };

        (await profiles.SendAsync(new UpdatePatientProfile(nathan, changed))).IsSuccess.ShouldBeTrue();

        var record = (await profiles.SendAsync(new GetPatientRecord(nathan))).Value;
        record.Details.ShouldBe(changed with { Phones = record.Details.Phones });
        record.Details.Phones.ShouldBe(changed.Phones);
        record.UpdatedUtc.ShouldBe(profiles.Clock.GetUtcNow());
        var events = await profiles.EventsAsync<ProfileContactChanged>();
        events.Count.ShouldBe(2);
        (events[1].ProfileId, events[1].LastName, events[1].ContactEmail, events[1].PreferredLanguage).ShouldBe((nathan, "Milner-Roy", "new@example.com", "en-CA"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_change_that_leaves_the_contact_as_it_was_publishes_nothing(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var details = StaffTestData.Details(contactEmail: "nathan@example.com");
        var nathan = await profiles.RecordAsync(details);
        profiles.AsStaff();

        (await profiles.SendAsync(new UpdatePatientProfile(nathan, details with { HealthInsuranceExpiry = new DateOnly(2030, 1, 31) }))).IsSuccess.ShouldBeTrue();

        (await profiles.EventsAsync<ProfileContactChanged>()).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_records_chart_number_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.RecordAsync(StaffTestData.Details("Heather", card: "MILH89042712", chart: "C-1042"));
        var nathan = await profiles.RecordAsync(StaffTestData.Details(chart: "C-2001"));
        profiles.AsStaff();

        var result = await profiles.SendAsync(new UpdatePatientProfile(nathan, StaffTestData.Details("Renamed", chart: "C-1042")));

        result.Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.ClinicPatientIdTaken]);
        var profile = await profiles.QueryAsync(db => db.Profiles.SingleAsync(p => p.Id == nathan));
        (profile.FirstName, profile.ClinicPatientId).ShouldBe(("Nathan", "C-2001"));
        (await profiles.SendAsync(new UpdatePatientProfile(nathan, StaffTestData.Details(chart: "C-2001")))).IsSuccess.ShouldBeTrue("its own number is not taken");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_unknown_record_is_not_found(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        profiles.AsStaff();

        (await profiles.SendAsync(new UpdatePatientProfile(Guid.CreateVersion7(), StaffTestData.Details()))).Errors.ShouldBe([Error.NotFound]);
    }
}
