namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>GetProfileSettings, ExportProfile and UpdateNotificationPreferences: the selected profile's record, each read on the trail (F29).</summary>
public sealed class ProfileSettingsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parent_reads_the_childs_record_and_each_read_is_on_the_trail_as_a_proxy(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18), ProfileTabs.Appointments);
        profiles.Current.AccountId = family.ParentAccountId;

        var settings = (await profiles.SendAsync(new GetProfileSettings(family.ChildId))).Value;
        var export = (await profiles.SendAsync(new ExportProfile(family.ChildId))).Value;
        var own = (await profiles.SendAsync(new GetProfileSettings(family.ParentProfileId))).Value;

        (settings.FirstName, settings.DateOfBirth, settings.HealthInsuranceNumber, settings.Relationship, settings.MayChangeHealthCard)
            .ShouldBe(("Child", new DateOnly(2017, 2, 18), Families.ChildCard, Relationship.Parent, false));
        settings.Phones.ShouldBe([new ProfilePhoneNumber("514 555-0142", "Home")]);
        (settings.AppointmentEmails, settings.Reminders, settings.NewCommunicationEmails).ShouldBe((true, true, true));
        export.ShouldBeEquivalentTo(settings);
        own.MayChangeHealthCard.ShouldBeTrue();
        (await profiles.ReadsAsync()).Select(r => (r.ReaderAccountId, r.ProfileId, r.What, r.Role, r.Allowed)).ShouldBe(
        [
            (family.ParentAccountId, family.ChildId, "settings", ReaderRole.Proxy, true),
            (family.ParentAccountId, family.ChildId, "export", ReaderRole.Proxy, true),
            (family.ParentAccountId, family.ParentProfileId, "settings", ReaderRole.Self, true),
        ], ignoreOrder: true); // one instant on the test clock: the trail's ids do not order reads within it
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_familys_record_is_never_read_and_the_refusals_are_on_the_trail(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Current.AccountId = mine.ParentAccountId;

        (await profiles.SendAsync(new GetProfileSettings(theirs.ChildId))).Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);
        (await profiles.SendAsync(new ExportProfile(theirs.ParentProfileId))).Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);
        (await profiles.SendAsync(new GetProfileSettings(Guid.CreateVersion7()))).Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);

        (await profiles.ReadsAsync()).Select(r => (r.What, r.Allowed)).ShouldBe([("settings", false), ("export", false), ("settings", false)], ignoreOrder: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Notification_choices_are_saved_and_the_other_modules_are_told(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;

        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ChildId, false, true, false))).IsSuccess.ShouldBeTrue();

        (await profiles.RecordAsync(family.ChildId)).Notifications.ShouldBe(new NotificationPreferences(false, true, false));
        var published = await profiles.QueryAsync(db => db.OutboxMessages.SingleAsync());
        published.Payload.ShouldContain("\"AppointmentEmails\":false");
        published.Payload.ShouldContain("\"Reminders\":true");
    }
}
