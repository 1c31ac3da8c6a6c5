namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// Issue 9: who receives an appointment's emails. The profile's own account and the proxies whose link opens the
/// Appointments tab now (the age rule applied at this instant), as the profile's preferences allow, whoever is signed
/// in (an email link opened in a browser signed in to another family must still tell the patient).
/// </summary>
public sealed class ListNotificationRecipientsTests
{
    private static readonly DateOnly ChildBirthDate = new(2017, 2, 18);

    private static ListNotificationRecipients For(Guid profileId, NotificationKind kind = NotificationKind.AppointmentEmails) =>
        new(profileId, ProfileTabs.Appointments, kind);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Self_and_the_proxies_with_the_Appointments_tab_receive_them_and_not_a_proxy_without_it(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Roy", ChildBirthDate);
        var child = await profiles.RegisteredAsync(Registrations.SelfRegistered("Kid", "Roy", ChildBirthDate, card: null));
        var childProfile = await profiles.QueryAsync(db => db.Accesses.Where(a => a.AccountId == child.AccountId).Select(a => a.ProfileId).SingleAsync());
        var withTab = Guid.CreateVersion7();
        var withoutTab = Guid.CreateVersion7();
        var revoked = Guid.CreateVersion7();
        var unconsented = Guid.CreateVersion7();
        // An adult's caregivers: links the person consented to (one without consent gives nothing to an adult's file).
        await profiles.GrantAsync(withTab, family.ParentProfileId, Relationship.Caregiver, ProfileTabs.Appointments | ProfileTabs.Messages, basis: ConsentBasis.PatientConsent);
        await profiles.GrantAsync(withoutTab, family.ParentProfileId, Relationship.Caregiver, ProfileTabs.Messages | ProfileTabs.Documents, basis: ConsentBasis.PatientConsent);
        await profiles.GrantAsync(revoked, family.ParentProfileId, Relationship.Caregiver, ProfileTabs.All, revoke: RevocationReason.RevokedByPatient, basis: ConsentBasis.PatientConsent);
        await profiles.GrantAsync(unconsented, family.ParentProfileId, Relationship.Caregiver, ProfileTabs.All);

        var parents = await profiles.SendAsync(For(family.ParentProfileId));
        var childs = await profiles.SendAsync(For(family.ChildId));

        parents.FirstName.ShouldBe("Parent");
        parents.AccountIds.ShouldBe([family.ParentAccountId, withTab]);
        childs.AccountIds.ShouldBe([family.ParentAccountId]);
        (await profiles.SendAsync(For(childProfile))).AccountIds.ShouldBe([child.AccountId]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_profiles_preferences_decide_each_kind_of_email(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Roy", ChildBirthDate);
        profiles.Current.AccountId = family.ParentAccountId;
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ChildId, AppointmentEmails: false, Reminders: true, NewCommunicationEmails: true))).IsSuccess.ShouldBeTrue();
        profiles.Current.AccountId = null;

        (await profiles.SendAsync(For(family.ChildId, NotificationKind.AppointmentEmails))).AccountIds.ShouldBeEmpty();
        (await profiles.SendAsync(For(family.ChildId, NotificationKind.Reminders))).AccountIds.ShouldBe([family.ParentAccountId]);
        (await profiles.SendAsync(For(family.ParentProfileId, NotificationKind.AppointmentEmails))).AccountIds.ShouldBe([family.ParentAccountId]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task New_communications_follow_their_own_preference_and_the_tab_asked_for(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Roy", ChildBirthDate);
        var billsOnly = Guid.CreateVersion7();
        await profiles.GrantAsync(billsOnly, family.ParentProfileId, Relationship.Caregiver, ProfileTabs.Bills, basis: ConsentBasis.PatientConsent);
        var bills = new ListNotificationRecipients(family.ParentProfileId, ProfileTabs.Bills, NotificationKind.NewCommunications);
        var messages = new ListNotificationRecipients(family.ParentProfileId, ProfileTabs.Messages, NotificationKind.NewCommunications);

        var before = await profiles.SendAsync(bills);
        var beforeMessages = await profiles.SendAsync(messages);
        profiles.Current.AccountId = family.ParentAccountId;
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ParentProfileId, AppointmentEmails: true, Reminders: true, NewCommunicationEmails: false))).IsSuccess.ShouldBeTrue();
        profiles.Current.AccountId = null;

        before.AccountIds.ShouldBe([family.ParentAccountId, billsOnly]);
        beforeMessages.AccountIds.ShouldBe([family.ParentAccountId]);
        (await profiles.SendAsync(bills)).AccountIds.ShouldBeEmpty();
        (await profiles.SendAsync(For(family.ParentProfileId, NotificationKind.AppointmentEmails))).AccountIds.ShouldBe([family.ParentAccountId]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parent_stops_receiving_them_at_the_childs_age_of_consent_before_any_job_has_run(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var birthday = new DateOnly(2026, 3, 6);
        var family = await profiles.FamilyAsync("Roy", birthday.AddYears(-14));
        var midnight = Families.MontrealMidnight(birthday);

        profiles.Clock.SetUtcNow(midnight.AddTicks(-1));
        var before = await profiles.SendAsync(For(family.ChildId));
        profiles.Clock.SetUtcNow(midnight);
        var after = await profiles.SendAsync(For(family.ChildId));

        before.AccountIds.ShouldBe([family.ParentAccountId]);
        after.AccountIds.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_answer_is_the_same_whoever_is_signed_in(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var roy = await profiles.FamilyAsync("Roy", ChildBirthDate);
        var other = await profiles.FamilyAsync("Gagnon", ChildBirthDate);

        profiles.Current.AccountId = null;
        var nobody = await profiles.SendAsync(For(roy.ChildId));
        profiles.Current.AccountId = other.ParentAccountId;
        var anotherFamily = await profiles.SendAsync(For(roy.ChildId));

        nobody.AccountIds.ShouldBe([roy.ParentAccountId]);
        anotherFamily.FirstName.ShouldBe(nobody.FirstName);
        anotherFamily.AccountIds.ShouldBe(nobody.AccountIds);
    }
}
