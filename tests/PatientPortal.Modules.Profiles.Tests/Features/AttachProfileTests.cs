using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>AttachProfile: staff give an account a proxy link to a record; the person's consent first when they are of age.</summary>
public sealed class AttachProfileTests
{
    private static readonly DateOnly HeatherBirth = new(1989, 4, 27);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_child_is_attached_at_once_with_the_chosen_tabs_on_the_staff_members_word(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", HeatherBirth, "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        profiles.AsStaff();

        var result = await profiles.SendAsync(new AttachProfile(nathan, " HEATHER@example.com ", Relationship.Parent, ProfileTabs.Appointments | ProfileTabs.Messages));

        result.Value.ShouldBe(AccessState.Active);
        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        (link.Relationship, link.State, link.Permissions, link.PersonConsented).ShouldBe((Relationship.Parent, AccessState.Active, ProfileTabs.Appointments | ProfileTabs.Messages, false));
        var change = await profiles.QueryAsync(db => db.AccessChanges.SingleAsync(c => c.AccessId == link.Id));
        (change.Kind, change.ChangedBy, change.ConsentGivenBy, change.Basis).ShouldBe((AccessChangeKind.Granted, (Guid?)StaffTestData.StaffId, (Guid?)null, ConsentBasis.StaffDecision));
        var granted = (await profiles.EventsAsync<ProfileAccessGranted>()).ShouldHaveSingleItem();
        granted.ShouldBe(new ProfileAccessGranted(heather.AccountId, nathan, Relationship.Parent, AccessState.Active, ProfileTabs.Appointments | ProfileTabs.Messages)
            with { EventId = granted.EventId, OccurredUtc = granted.OccurredUtc });
        profiles.Current.AccountId = heather.AccountId;
        profiles.Current.Role = Roles.Patient;
        (await profiles.SendAsync(new MayActFor(nathan, ProfileTabs.Messages))).ShouldBeTrue();
        (await profiles.SendAsync(new MayActFor(nathan, ProfileTabs.Bills))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_person_of_age_must_consent_first_and_is_emailed_to_log_in_and_approve(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", HeatherBirth, "heather@example.com");
        // Fourteen today (2 March 2026, Montreal).
        var hugo = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2012, 3, 2), contactEmail: "hugo@example.com", language: "en-CA"));
        profiles.AsStaff();

        var result = await profiles.SendAsync(new AttachProfile(hugo, "heather@example.com", Relationship.Caregiver, ProfileTabs.All));

        result.Value.ShouldBe(AccessState.PendingConsent);
        var link = await profiles.LinkOfAsync(heather.AccountId, hugo);
        (link.State, link.PersonConsented, link.ConsentUtc).ShouldBe((AccessState.PendingConsent, false, (DateTimeOffset?)null));
        profiles.Current.AccountId = heather.AccountId;
        profiles.Current.Role = Roles.Patient;
        (await profiles.SendAsync(new MayActFor(hugo, ProfileTabs.Appointments))).ShouldBeFalse();
        // The clinic attached it: the account holder sees it waiting (unlike a Connected Accounts request of their own).
        (await profiles.SendAsync(new GetMyProfiles())).Value.ShouldContain(p => p.ProfileId == hugo && p.State == AccessState.PendingConsent);
        var mail = (await profiles.EmailsToAsync("hugo@example.com")).ShouldHaveSingleItem();
        mail.Culture.ShouldBe("en-CA");
        mail.TextBody.ShouldContain("Heather Milner");
        mail.TextBody.ShouldContain("Log in: https://portal.test/");
        mail.TextBody.ShouldNotContain(hugo.ToString());
        (await profiles.EventsAsync<ProfileAccessGranted>()).Single().State.ShouldBe(AccessState.PendingConsent);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_accounts_own_record_is_never_attached_again_as_a_proxy(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", HeatherBirth, "heather@example.com");
        var own = (await profiles.QueryAsync(db => db.Accesses.SingleAsync(a => a.AccountId == heather.AccountId))).ProfileId;
        profiles.AsStaff();

        var result = await profiles.SendAsync(new AttachProfile(own, "heather@example.com", Relationship.Guardian, ProfileTabs.All));

        result.Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.OwnProfile]);
        (await profiles.LinkOfAsync(heather.AccountId, own)).Relationship.ShouldBe(Relationship.Self);
        (await profiles.EventsAsync<ProfileAccessGranted>()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_self_link_a_second_link_or_an_unknown_account_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.AccountHolderAsync("Heather", "Milner", HeatherBirth, "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        profiles.AsStaff();

        (await profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Self, ProfileTabs.All))).Errors.Select(e => e.Key)
            .ShouldBe([ProfilesErrors.RelationshipInvalid]);
        (await profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Parent, (ProfileTabs)64))).Errors.Select(e => e.Key)
            .ShouldBe([ProfilesErrors.TabsInvalid]);
        (await profiles.SendAsync(new AttachProfile(nathan, "nobody@example.com", Relationship.Parent, ProfileTabs.All))).Errors
            .ShouldBe([new Error(AccountErrors.PatientAccountNotFound, "AccountEmail")]);
        (await profiles.SendAsync(new AttachProfile(Guid.CreateVersion7(), "heather@example.com", Relationship.Parent, ProfileTabs.All))).Errors
            .ShouldBe([Error.NotFound]);
        (await profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Parent, ProfileTabs.All))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Guardian, ProfileTabs.Bills))).Errors.Select(e => e.Key)
            .ShouldBe([ProfilesErrors.AlreadyLinked]);

        (await profiles.QueryAsync(db => db.Accesses.CountAsync(a => a.ProfileId == nathan))).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_revoked_link_is_renewed_in_the_same_row(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", HeatherBirth, "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All, revoke: RevocationReason.RevokedByStaff);
        var before = await profiles.LinkOfAsync(heather.AccountId, nathan);
        profiles.AsStaff();

        (await profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Guardian, ProfileTabs.Documents))).Value.ShouldBe(AccessState.Active);

        var after = await profiles.LinkOfAsync(heather.AccountId, nathan);
        after.Id.ShouldBe(before.Id);
        (after.Relationship, after.State, after.Permissions, after.RevokedReason).ShouldBe((Relationship.Guardian, AccessState.Active, ProfileTabs.Documents, (RevocationReason?)null));
        (await profiles.QueryAsync(db => db.AccessChanges.CountAsync(c => c.AccessId == before.Id))).ShouldBe(3);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_staff_attaching_at_once_make_one_link(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", HeatherBirth, "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        profiles.AsStaff();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Parent, ProfileTabs.All))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == ProfilesErrors.AlreadyLinked);
        (await profiles.QueryAsync(db => db.Accesses.CountAsync(a => a.ProfileId == nathan))).ShouldBe(1);
        (await profiles.EventsAsync<ProfileAccessGranted>()).Count.ShouldBe(1);
    }
}
