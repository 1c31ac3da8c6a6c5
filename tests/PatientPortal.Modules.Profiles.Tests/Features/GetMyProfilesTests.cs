namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>GetMyProfiles: the signed-in account's profiles, never another account's.</summary>
public sealed class GetMyProfilesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_account_sees_its_own_profile_first_then_those_it_acts_for_with_their_state_and_tabs(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = Registrations.SelfRegistered();
        await profiles.DeliverAsync(heather);
        var nathan = await profiles.ChildAsync("Nathan", new DateOnly(2017, 2, 18));
        var hugo = await profiles.ChildAsync("Hugo", new DateOnly(2005, 10, 20), "Lévesque");
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.Appointments | ProfileTabs.Messages);
        await profiles.LinkAsync(heather.AccountId, hugo, Relationship.Guardian, ProfileTabs.All, revoke: RevocationReason.AgeOfConsentReached);

        profiles.Current.AccountId = heather.AccountId;
        var mine = (await profiles.SendAsync(new GetMyProfiles())).Value;

        mine.Select(p => (p.FirstName, p.Relationship, p.State, p.Tabs)).ShouldBe(
        [
            ("Heather", Relationship.Self, AccessState.Active, ProfileTabs.All),
            ("Hugo", Relationship.Guardian, AccessState.Revoked, ProfileTabs.All),
            ("Nathan", Relationship.Parent, AccessState.Active, ProfileTabs.Appointments | ProfileTabs.Messages),
        ]);
        mine[1].RevokedUtc.ShouldBe(profiles.Clock.GetUtcNow());
        mine[2].ProfileId.ShouldBe(nathan);
        mine[2].DateOfBirth.ShouldBe(new DateOnly(2017, 2, 18));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_familys_profiles_are_never_returned(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = Registrations.SelfRegistered();
        var other = Registrations.SelfRegistered("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        await profiles.DeliverAsync(heather);
        await profiles.DeliverAsync(other);
        var nathan = await profiles.ChildAsync("Nathan", new DateOnly(2017, 2, 18));
        var theirChild = await profiles.ChildAsync("Léa", new DateOnly(2016, 6, 1), "Tremblay");
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All);
        await profiles.LinkAsync(other.AccountId, theirChild, Relationship.Parent, ProfileTabs.All);

        profiles.Current.AccountId = other.AccountId;
        var theirs = (await profiles.SendAsync(new GetMyProfiles())).Value;

        theirs.Select(p => p.FirstName).ShouldBe(["Marc", "Léa"]);
        theirs.Select(p => p.ProfileId).ShouldNotContain(nathan);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Nobody_signed_in_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.DeliverAsync(Registrations.SelfRegistered());

        profiles.Current.AccountId = null;
        var result = await profiles.SendAsync(new GetMyProfiles());

        result.Errors.ShouldBe([Error.Forbidden]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Postgres, false)]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.Postgres, true)]
    public async Task A_parent_asking_again_after_the_birthday_of_consent_still_sees_the_guides_message_until_the_teen_decides(DatabaseProvider provider, bool jobRan)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        // Fourteen today (2 March 2026, Montreal).
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2012, 3, 2));
        if (jobRan)
        {
            await profiles.QueryAsync(async db =>
            {
                var link = await db.Accesses.SingleAsync(a => a.AccountId == family.ParentAccountId && a.ProfileId == family.ChildId);
                db.AccessChanges.Add(link.Revoke(RevocationReason.AgeOfConsentReached, changedBy: null, ConsentBasis.System, profiles.Clock.GetUtcNow()));
                return await db.SaveChangesAsync();
            });
        }

        (await profiles.ConnectAsync(family.ParentAccountId, "Child", "Milner", new DateOnly(2012, 3, 2), Families.ChildCard)).Value.ShouldBe(ConnectOutcome.Submitted);
        (await profiles.LinkOfAsync(family.ParentAccountId, family.ChildId)).State.ShouldBe(AccessState.PendingConsent);
        var mine = (await profiles.SendAsync(new GetMyProfiles())).Value;

        var child = mine.Single(p => p.ProfileId == family.ChildId);
        (child.State, child.EndedBecause).ShouldBe((AccessState.Revoked, LinkEndReason.AgeOfConsentReached));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_first_request_to_someone_of_age_shows_nothing_until_they_decide(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard);
        var hugo = await profiles.RecordAsync("Hugo", "Lévesque", new DateOnly(2000, 3, 2), "LEVH00030212", contactEmail: "hugo@example.com");

        await profiles.ConnectAsync(heather.AccountId, "Hugo", "Lévesque", new DateOnly(2000, 3, 2), "LEVH00030212");
        var mine = (await profiles.SendAsync(new GetMyProfiles())).Value;

        (await profiles.LinkOfAsync(heather.AccountId, hugo)).State.ShouldBe(AccessState.PendingConsent);
        mine.Select(p => p.ProfileId).ShouldNotContain(hugo);
    }
}
