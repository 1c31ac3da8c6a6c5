namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>Account settings' personal information: the selected profile only, no birth date ever, the card for the person's own account only.</summary>
public sealed class UpdatePersonalInformationTests
{
    public static UpdatePersonalInformation Update(
        Guid profileId, string firstName = "Nathan", string? card = null, DateOnly? expiry = null, string? email = "nathan@example.com") =>
        new(profileId, firstName, "Milner", [new ProfilePhoneNumber("514 555-0199", "Mobile"), new ProfilePhoneNumber("438-555-0100", "Office")],
            "1224 rue Stanley", "Montréal", "QC", "h3b 2s7", email, "en-CA", card, expiry);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parent_updates_the_childs_contact_details_but_not_the_card_nor_the_contact_email_and_the_other_modules_are_told(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        var emailBefore = (await profiles.RecordAsync(family.ChildId)).ContactEmail;
        emailBefore.ShouldNotBe("nathan@example.com");
        profiles.Current.AccountId = family.ParentAccountId;

        var result = await profiles.SendAsync(Update(family.ChildId, card: "ZZZZ 9999 9999", expiry: new DateOnly(2030, 1, 31)));

        result.IsSuccess.ShouldBeTrue();
        var child = await profiles.RecordAsync(family.ChildId);
        (child.FirstName, child.LastName, child.AddressLine, child.City, child.Province, child.PostalCode, child.ContactEmail, child.PreferredLanguage)
            .ShouldBe(("Nathan", "Milner", "1224 rue Stanley", "Montréal", "QC", "H3B 2S7", emailBefore, "en-CA"));
        child.Phones.ShouldBe([new ProfilePhone("514 555-0199", "Mobile"), new ProfilePhone("438-555-0100", "Office")]);
        (child.HealthInsuranceNumber, child.HealthInsuranceExpiry, child.DateOfBirth).ShouldBe((Families.ChildCard, null, new DateOnly(2017, 2, 18)));
        var published = (await profiles.PublishedBesideTheTrailAsync()).Single();
        published.Type.ShouldContain(nameof(ProfileContactChanged));
        published.Payload.ShouldNotContain("nathan@example.com");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_person_changes_their_own_health_card(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;

        (await profiles.SendAsync(Update(family.ParentProfileId, "Heather", "milh 8904 2712", new DateOnly(2030, 1, 31)))).IsSuccess.ShouldBeTrue();

        var own = await profiles.RecordAsync(family.ParentProfileId);
        (own.FirstName, own.HealthInsuranceNumber, own.HealthInsuranceExpiry).ShouldBe(("Heather", "MILH89042712", new DateOnly(2030, 1, 31)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_familys_record_is_left_as_it_is_and_the_attempt_is_on_the_trail(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Current.AccountId = mine.ParentAccountId;

        var result = await profiles.SendAsync(Update(theirs.ChildId, "Hacked", email: "attacker@example.com"));
        var preferences = await profiles.SendAsync(new UpdateNotificationPreferences(theirs.ChildId, false, false, false));

        result.Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);
        preferences.Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);
        var record = await profiles.RecordAsync(theirs.ChildId);
        (record.FirstName, record.ContactEmail, record.Notifications).ShouldBe(("Child", null, NotificationPreferences.AllOn));
        (await profiles.PublishedBesideTheTrailAsync()).ShouldBeEmpty();
        // Both at the same test instant: the trail's order within one instant is not asserted.
        (await profiles.ReadsAsync()).Select(r => (r.ReaderAccountId, r.ProfileId, r.What, r.Allowed)).ShouldBe(
        [
            (mine.ParentAccountId, theirs.ChildId, "settings-update", false),
            (mine.ParentAccountId, theirs.ChildId, "notifications-update", false),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_field_is_checked_with_its_own_message(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;

        var result = await profiles.SendAsync(new UpdatePersonalInformation(
            family.ParentProfileId, " ", "", [new ProfilePhoneNumber("12", "Fax")], null, null, null, "H3B", "not-an-email", "de-DE", "1234"));

        result.Errors.Select(e => e.Key).ShouldBe(
        [
            ProfilesErrors.FirstNameRequired, ProfilesErrors.LastNameRequired, ProfilesErrors.PhoneInvalid, ProfilesErrors.PhoneTypeInvalid,
            ProfilesErrors.PostalCodeInvalid, ProfilesErrors.ContactEmailInvalid, ProfilesErrors.LanguageInvalid, ProfilesErrors.HealthInsuranceNumberInvalid,
        ], ignoreOrder: true);
        (await profiles.RecordAsync(family.ParentProfileId)).FirstName.ShouldBe("Parent");
    }
}
