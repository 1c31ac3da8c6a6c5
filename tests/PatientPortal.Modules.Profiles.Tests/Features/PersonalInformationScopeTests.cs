namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// Review finding #2: only the person, or a parent or guardian of a person under the age of consent, reads and changes
/// the personal information (Account settings, the download, notification choices). Any other active link sees the name
/// and birth date, and its changes are refused as if there were no link, on the trail.
/// </summary>
public sealed class PersonalInformationScopeTests
{
    private static readonly DateOnly Minor = new(2017, 2, 18);
    private static readonly DateOnly Adult = new(2006, 5, 1); // 19 on the harness's day (2026-03-02)

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_caregiver_of_a_child_sees_the_name_and_birth_date_only_and_may_change_nothing(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", Minor, relationship: Relationship.Caregiver);
        profiles.Current.AccountId = family.ParentAccountId;

        await ShowsTheSummaryOnlyAndRefusesChangesAsync(profiles, family.ParentAccountId, family.ChildId, Minor);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parent_of_an_adult_whose_link_the_person_approved_sees_the_name_and_birth_date_only(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", Adult, basis: ConsentBasis.PatientConsent);
        profiles.Current.AccountId = family.ParentAccountId;
        (await profiles.MayActForAsync(family.ParentAccountId, family.ChildId)).ShouldBeTrue("the link itself is active: the person approved it");

        await ShowsTheSummaryOnlyAndRefusesChangesAsync(profiles, family.ParentAccountId, family.ChildId, Adult);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, Relationship.Parent)]
    [InlineData(DatabaseProvider.Postgres, Relationship.Parent)]
    [InlineData(DatabaseProvider.Sqlite, Relationship.Guardian)]
    [InlineData(DatabaseProvider.Postgres, Relationship.Guardian)]
    public async Task A_parent_or_guardian_of_a_minor_reads_and_changes_the_personal_information(DatabaseProvider provider, Relationship relationship)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", Minor, ProfileTabs.Appointments, relationship: relationship);
        profiles.Current.AccountId = family.ParentAccountId;

        var settings = (await profiles.SendAsync(new GetProfileSettings(family.ChildId))).Value;
        (settings.ManagesPersonalInformation, settings.HealthInsuranceNumber, settings.Phones.Count).ShouldBe((true, Families.ChildCard, 1));
        (await profiles.SendAsync(UpdatePersonalInformationTests.Update(family.ChildId))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ChildId, false, true, true))).IsSuccess.ShouldBeTrue();

        (await profiles.RecordAsync(family.ChildId)).AddressLine.ShouldBe("1224 rue Stanley");
        (await profiles.ProfileChangesAsync()).Select(c => c.Role).ShouldBe([ReaderRole.Proxy, ReaderRole.Proxy]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_persons_own_account_reads_and_changes_everything(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", Minor);
        profiles.Current.AccountId = family.ParentAccountId;

        var settings = (await profiles.SendAsync(new GetProfileSettings(family.ParentProfileId))).Value;
        (settings.ManagesPersonalInformation, settings.Relationship, settings.PreferredLanguage).ShouldBe((true, Relationship.Self, "en-CA"));
        (await profiles.SendAsync(UpdatePersonalInformationTests.Update(family.ParentProfileId, "Heather"))).IsSuccess.ShouldBeTrue();
        (await profiles.RecordAsync(family.ParentProfileId)).ContactEmail.ShouldBe("nathan@example.com");
        (await profiles.ReadsAsync()).Select(r => (r.What, r.Role, r.Allowed)).ShouldBe([("settings", ReaderRole.Self, true)]);
    }

    private static async Task ShowsTheSummaryOnlyAndRefusesChangesAsync(ProfilesHarness profiles, Guid accountId, Guid childId, DateOnly birth)
    {
        var before = await profiles.RecordAsync(childId);

        var settings = (await profiles.SendAsync(new GetProfileSettings(childId))).Value;
        var export = (await profiles.SendAsync(new ExportProfile(childId))).Value;
        var update = await profiles.SendAsync(UpdatePersonalInformationTests.Update(childId, "Hacked"));
        var notifications = await profiles.SendAsync(new UpdateNotificationPreferences(childId, false, false, false));

        (settings.FirstName, settings.LastName, settings.DateOfBirth, settings.ManagesPersonalInformation).ShouldBe(("Child", "Milner", birth, false));
        (settings.HealthInsuranceNumber, settings.AddressLine, settings.City, settings.PostalCode, settings.ContactEmail, settings.PreferredLanguage)
            .ShouldBe((null, null, null, null, null, ""));
        settings.Phones.ShouldBeEmpty();
        export.ShouldBeEquivalentTo(settings);
        update.Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);
        notifications.Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);

        var after = await profiles.RecordAsync(childId);
        (after.FirstName, after.AddressLine, after.Notifications, after.UpdatedUtc).ShouldBe((before.FirstName, before.AddressLine, before.Notifications, before.UpdatedUtc));
        (await profiles.ProfileChangesAsync()).ShouldBeEmpty();
        (await profiles.PublishedBesideTheTrailAsync()).ShouldBeEmpty();
        (await profiles.ReadsAsync()).Select(r => (r.ReaderAccountId, r.What, r.Role, r.Allowed)).ShouldBe(
        [
            (accountId, "settings-summary", ReaderRole.Proxy, true),
            (accountId, "export-summary", ReaderRole.Proxy, true),
            (accountId, "settings-update", ReaderRole.Proxy, false),
            (accountId, "notifications-update", ReaderRole.Proxy, false),
        ], ignoreOrder: true); // one instant: the ids' order within a millisecond is random
    }
}
