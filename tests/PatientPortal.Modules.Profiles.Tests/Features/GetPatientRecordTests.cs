using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>GetPatientRecord: the record, its links as they stand now, who holds them, the recent changes; every read is on the trail.</summary>
public sealed class GetPatientRecordTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_see_the_whole_record_its_links_with_the_holders_names_and_the_changes(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var details = StaffTestData.Details(chart: "C-2001", contactEmail: "nathan@example.com", guardianEmail: "heather@example.com");
        var nathan = await profiles.RecordAsync(details);
        profiles.AsStaff();
        (await profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Parent, ProfileTabs.Appointments | ProfileTabs.Bills))).IsSuccess.ShouldBeTrue();

        var record = (await profiles.SendAsync(new GetPatientRecord(nathan))).Value;

        record.ProfileId.ShouldBe(nathan);
        record.Details.ShouldBe(details with { Phones = record.Details.Phones });
        record.Details.Phones.ShouldBe(details.Phones);
        record.HasReachedAgeOfConsent.ShouldBeFalse();
        var link = record.Links.ShouldHaveSingleItem();
        (link.AccountId, link.AccountHolderFirstName, link.AccountHolderLastName, link.Relationship, link.State, link.Tabs)
            .ShouldBe((heather.AccountId, "Heather", "Milner", Relationship.Parent, AccessState.Active, ProfileTabs.Appointments | ProfileTabs.Bills));
        var change = record.RecentChanges.ShouldHaveSingleItem();
        (change.Kind, change.ChangedBy, change.Basis, change.AccountId).ShouldBe(("Granted", (Guid?)StaffTestData.StaffId, "StaffDecision", heather.AccountId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parents_link_shows_as_revoked_from_the_childs_birthday_of_consent_before_any_job_ran(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        // Fourteen on 3 March 2026 in Montreal; the harness clock is 2 March 2026, 10:00 in Montreal.
        var hugo = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2012, 3, 3)));
        await profiles.LinkAsync(heather.AccountId, hugo, Relationship.Parent, ProfileTabs.All);
        profiles.AsStaff();

        (await profiles.SendAsync(new GetPatientRecord(hugo))).Value.Links.Single().State.ShouldBe(AccessState.Active);

        // 00:00 on the birthday, Montreal time (05:00 UTC).
        profiles.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero));
        var record = (await profiles.SendAsync(new GetPatientRecord(hugo))).Value;

        record.HasReachedAgeOfConsent.ShouldBeTrue();
        var link = record.Links.Single();
        (link.State, link.RevokedReason).ShouldBe((AccessState.Revoked, "AgeOfConsentReached"));
        (await profiles.LinkOfAsync(heather.AccountId, hugo)).State.ShouldBe(AccessState.Active, "the stored row is the job's to change");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_read_is_recorded_with_the_staff_member_and_refused_reads_too(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        var patient = Guid.CreateVersion7();

        profiles.AsStaff();
        (await profiles.SendAsync(new GetPatientRecord(nathan))).IsSuccess.ShouldBeTrue();
        (profiles.Current.AccountId, profiles.Current.Role, profiles.Current.SecondFactorPassed) = (patient, Roles.Patient, true);
        (await profiles.SendAsync(new GetPatientRecord(nathan))).Errors.ShouldBe([Error.Forbidden]);

        var reads = await profiles.QueryAsync(db => db.ProfileReads.AsNoTracking().OrderBy(r => r.ReadUtc).ThenBy(r => r.Allowed ? 0 : 1).ToListAsync());
        reads.Select(r => (r.ReaderAccountId, r.ProfileId, r.Role, r.What, r.Allowed, r.ReadUtc)).ShouldBe(
        [
            (StaffTestData.StaffId, nathan, ReaderRole.Staff, "admin-record", true, profiles.Clock.GetUtcNow()),
            (patient, nathan, ReaderRole.Staff, "admin-record", false, profiles.Clock.GetUtcNow()),
        ]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_unknown_record_is_not_found(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        profiles.AsStaff();

        (await profiles.SendAsync(new GetPatientRecord(Guid.CreateVersion7()))).Errors.ShouldBe([Error.NotFound]);
    }
}
