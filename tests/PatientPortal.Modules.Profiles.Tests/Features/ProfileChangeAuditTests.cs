namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// Review finding #5: every change of a record is audited in the same save (who, as Self, Proxy or Staff, and the NAMES
/// of the changed fields, never their values); nothing when nothing changed; a proxy's change is emailed to the person
/// when they have their own account.
/// </summary>
public sealed class ProfileChangeAuditTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_staff_edit_of_the_birth_date_and_card_is_audited_by_field_name_and_a_save_without_change_is_not(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        profiles.AsStaff();
        profiles.Clock.Advance(TimeSpan.FromHours(1));
        var changed = StaffTestData.Details(birth: new DateOnly(2017, 2, 19), card: "MILN 1702 1913");

        (await profiles.SendAsync(new UpdatePatientProfile(nathan, changed))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new UpdatePatientProfile(nathan, changed))).IsSuccess.ShouldBeTrue();

        var change = (await profiles.ProfileChangesAsync()).ShouldHaveSingleItem();
        (change.ActorAccountId, change.ProfileId, change.Role, change.ChangedUtc).ShouldBe((StaffTestData.StaffId, nathan, ReaderRole.Staff, profiles.Clock.GetUtcNow()));
        change.FieldNames.ShouldBe([nameof(Profile.DateOfBirth), nameof(Profile.HealthInsuranceNumber)]);
        change.Fields.ShouldNotContain("2017");
        change.Fields.ShouldNotContain("MILN");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_persons_own_changes_are_audited_as_Self_and_the_same_save_again_adds_nothing(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;
        var update = UpdatePersonalInformationTests.Update(family.ParentProfileId, "Parent", "MILH 8904 2712", new DateOnly(2030, 1, 31));

        (await profiles.SendAsync(update)).IsSuccess.ShouldBeTrue();
        profiles.Clock.Advance(TimeSpan.FromMinutes(1));
        (await profiles.SendAsync(update)).IsSuccess.ShouldBeTrue();
        profiles.Clock.Advance(TimeSpan.FromMinutes(1));
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ParentProfileId, true, false, true))).IsSuccess.ShouldBeTrue();
        profiles.Clock.Advance(TimeSpan.FromMinutes(1));
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ParentProfileId, true, false, true))).IsSuccess.ShouldBeTrue();

        var changes = await profiles.ProfileChangesAsync();
        changes.Select(c => (c.ActorAccountId, c.ProfileId, c.Role)).ShouldBe(
            [(family.ParentAccountId, family.ParentProfileId, ReaderRole.Self), (family.ParentAccountId, family.ParentProfileId, ReaderRole.Self)]);
        changes[0].FieldNames.ShouldBe(["HealthInsuranceNumber", "HealthInsuranceExpiry", "Phones", "AddressLine", "City", "Province", "PostalCode", "ContactEmail"]);
        changes[1].FieldNames.ShouldBe(["Notifications.Reminders"]);
        (await profiles.PublishedAsync<ProfileContactChanged>()).Count.ShouldBe(2, "one per save that changed something");
        (await profiles.MailAsync()).ShouldBeEmpty("the person changed their own file");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parents_change_to_a_file_whose_person_has_an_account_is_emailed_to_the_person_without_the_details(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2014, 9, 1));
        var childAccount = Guid.CreateVersion7();
        await profiles.QueryAsync(async db =>
        {
            var child = await db.Profiles.SingleAsync(p => p.Id == family.ChildId);
            child.UseContactEmailIfNone("child@example.com", profiles.Clock.GetUtcNow());
            var (access, change) = ProfileAccess.GrantSelf(childAccount, family.ChildId, ConsentBasis.ClinicInvitation, profiles.Clock.GetUtcNow());
            db.Accesses.Add(access);
            db.AccessChanges.Add(change);
            return await db.SaveChangesAsync();
        });
        profiles.Current.AccountId = family.ParentAccountId;

        (await profiles.SendAsync(UpdatePersonalInformationTests.Update(family.ChildId, "Child"))).IsSuccess.ShouldBeTrue();
        profiles.Clock.Advance(TimeSpan.FromMinutes(1));
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ChildId, false, true, true))).IsSuccess.ShouldBeTrue();

        (await profiles.ProfileChangesAsync()).Select(c => (c.ActorAccountId, c.Role)).ShouldBe(
            [(family.ParentAccountId, ReaderRole.Proxy), (family.ParentAccountId, ReaderRole.Proxy)]);
        var mails = await profiles.MailAsync();
        mails.Count.ShouldBe(2);
        mails.ShouldAllBe(m => m.To == "child@example.com");
        mails[0].Subject.ShouldContain("modifiés", Case.Sensitive, "in the person's language, not the one the parent just chose (en-CA)");
        mails[0].TextBody.ShouldContain("Parent Milner");
        mails[0].TextBody.ShouldNotContain("Stanley");
        mails[0].TextBody.ShouldNotContain("514");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parents_change_to_a_childs_file_without_an_account_is_audited_and_emails_nobody(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;

        (await profiles.SendAsync(UpdatePersonalInformationTests.Update(family.ChildId, "Child"))).IsSuccess.ShouldBeTrue();

        (await profiles.ProfileChangesAsync()).ShouldHaveSingleItem().FieldNames.ShouldBe(
            ["Phones", "AddressLine", "City", "Province", "PostalCode", "PreferredLanguage"]);
        (await profiles.MailAsync()).ShouldBeEmpty();
    }
}
