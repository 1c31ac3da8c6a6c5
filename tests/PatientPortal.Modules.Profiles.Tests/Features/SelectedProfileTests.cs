namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>GetSelectedProfile and SwitchProfile: only a link active now is selected; anything else falls back to the account's own profile.</summary>
public sealed class SelectedProfileTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parent_selects_their_child_with_the_tabs_the_link_opens(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18), ProfileTabs.Appointments | ProfileTabs.Messages);
        profiles.Current.AccountId = family.ParentAccountId;

        var switched = (await profiles.SendAsync(new SwitchProfile(family.ChildId))).Value;
        var selected = (await profiles.SendAsync(new GetSelectedProfile(family.ChildId))).Value;

        switched.ShouldBe(selected);
        (selected.FirstName, selected.LastName, selected.DateOfBirth, selected.Relationship, selected.Tabs, selected.RequestRefused)
            .ShouldBe(("Child", "Milner", new DateOnly(2017, 2, 18), Relationship.Parent, ProfileTabs.Appointments | ProfileTabs.Messages, false));
        selected.Opens(ProfileTabs.Documents).ShouldBeFalse();
        (await profiles.ReadsAsync()).Select(r => (r.What, r.ProfileId, r.Role, r.Allowed)).ShouldBe([("switch", family.ChildId, ReaderRole.Proxy, true)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_nothing_requested_the_account_acts_for_its_own_profile_with_every_tab(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;

        var selected = (await profiles.SendAsync(new GetSelectedProfile(null))).Value;

        (selected.ProfileId, selected.Relationship, selected.Tabs, selected.RequestRefused).ShouldBe((family.ParentProfileId, Relationship.Self, ProfileTabs.All, false));
        (await profiles.ReadsAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_familys_child_is_never_selected_and_the_attempt_is_on_the_trail(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Current.AccountId = mine.ParentAccountId;

        var switched = await profiles.SendAsync(new SwitchProfile(theirs.ChildId));
        var selected = (await profiles.SendAsync(new GetSelectedProfile(theirs.ChildId))).Value;
        var parent = (await profiles.SendAsync(new GetSelectedProfile(theirs.ParentProfileId))).Value;

        switched.Errors.ShouldBe([new Error(ProfilesErrors.ProfileNotAvailable)]);
        (selected.ProfileId, selected.RequestRefused).ShouldBe((mine.ParentProfileId, true));
        (parent.ProfileId, parent.RequestRefused).ShouldBe((mine.ParentProfileId, true));
        (await profiles.ReadsAsync()).Select(r => (r.ReaderAccountId, r.What, r.ProfileId, r.Allowed)).ShouldBe(
        [
            (mine.ParentAccountId, "switch", theirs.ChildId, false),
            (mine.ParentAccountId, "select", theirs.ChildId, false),
            (mine.ParentAccountId, "select", theirs.ParentProfileId, false),
        ], ignoreOrder: true); // one instant on the test clock: the trail's ids do not order reads within it
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_replayed_refusal_is_on_the_trail_once_a_minute_and_a_record_that_does_not_exist_on_none(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Current.AccountId = mine.ParentAccountId;

        for (var i = 0; i < 5; i++)
        {
            (await profiles.SendAsync(new GetSelectedProfile(theirs.ChildId))).Value.RequestRefused.ShouldBeTrue();
            (await profiles.SendAsync(new GetSelectedProfile(Guid.CreateVersion7()))).Value.RequestRefused.ShouldBeTrue();
            profiles.Clock.Advance(TimeSpan.FromSeconds(11));
        }

        profiles.Clock.Advance(TimeSpan.FromSeconds(5));
        (await profiles.SendAsync(new GetSelectedProfile(theirs.ChildId))).Value.ProfileId.ShouldBe(mine.ParentProfileId);

        (await profiles.ReadsAsync()).Select(r => (r.What, r.ProfileId, r.Allowed)).ShouldBe(
            [("select", theirs.ChildId, false), ("select", theirs.ChildId, false)], "one at the start, one a minute later; none for the made-up id");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_pending_or_revoked_link_is_not_selected(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var pending = await profiles.FamilyAsync("Roy", new DateOnly(2000, 1, 1), state: AccessState.PendingConsent);
        var revoked = await profiles.FamilyAsync("Gagnon", new DateOnly(2017, 1, 1));
        await profiles.QueryAsync(async db =>
        {
            var link = await db.Accesses.SingleAsync(a => a.ProfileId == revoked.ChildId);
            db.AccessChanges.Add(link.Revoke(RevocationReason.RevokedByStaff, Guid.CreateVersion7(), ConsentBasis.StaffDecision, profiles.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        profiles.Current.AccountId = pending.ParentAccountId;
        (await profiles.SendAsync(new SwitchProfile(pending.ChildId))).IsFailure.ShouldBeTrue();
        (await profiles.SendAsync(new GetSelectedProfile(pending.ChildId))).Value.ProfileId.ShouldBe(pending.ParentProfileId);
        profiles.Current.AccountId = revoked.ParentAccountId;
        (await profiles.SendAsync(new SwitchProfile(revoked.ChildId))).IsFailure.ShouldBeTrue();
        (await profiles.SendAsync(new GetSelectedProfile(revoked.ChildId))).Value.ProfileId.ShouldBe(revoked.ParentProfileId);
        var mine = (await profiles.SendAsync(new GetMyProfiles())).Value.Single(p => p.ProfileId == revoked.ChildId);
        (mine.State, mine.EndedBecause).ShouldBe((AccessState.Revoked, LinkEndReason.RevokedByStaff));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Nobody_signed_in_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = null;

        (await profiles.SendAsync(new GetSelectedProfile(family.ChildId))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new SwitchProfile(family.ChildId))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new GetProfileSettings(family.ChildId))).Errors.ShouldBe([Error.Forbidden]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_dashboards_list_and_an_allowed_selection_are_not_on_the_read_trail_but_a_refused_one_is(DatabaseProvider provider)
    {
        // ADR 0014: one's own links are account data; an allowed selection shows what identifies the link held.
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Current.AccountId = mine.ParentAccountId;

        (await profiles.SendAsync(new GetMyProfiles())).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new GetSelectedProfile(mine.ChildId))).Value.RequestRefused.ShouldBeFalse();
        (await profiles.ReadsAsync()).ShouldBeEmpty();
        (await profiles.SendAsync(new GetSelectedProfile(theirs.ChildId))).Value.RequestRefused.ShouldBeTrue();

        (await profiles.ReadsAsync()).Select(r => (r.ProfileId, r.What, r.Allowed)).ShouldBe([(theirs.ChildId, "select", false)]);
    }
}
