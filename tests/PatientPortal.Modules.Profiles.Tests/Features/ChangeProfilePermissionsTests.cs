namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>ChangeProfilePermissions: staff change a proxy link's tabs, at the version they saw.</summary>
public sealed class ChangeProfilePermissionsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_change_the_tabs_and_the_change_is_audited_and_published(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All);
        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        profiles.AsStaff();

        (await profiles.SendAsync(new ChangeProfilePermissions(link.Id, ProfileTabs.Appointments, link.Version))).IsSuccess.ShouldBeTrue();

        var after = await profiles.LinkOfAsync(heather.AccountId, nathan);
        (after.Permissions, after.State, after.Version).ShouldBe((ProfileTabs.Appointments, AccessState.Active, link.Version + 1));
        var change = await profiles.QueryAsync(db => db.AccessChanges.Where(c => c.AccessId == link.Id).OrderByDescending(c => c.ChangedUtc).ThenByDescending(c => c.Kind).FirstAsync());
        (change.Kind, change.ChangedBy, change.Basis, change.Permissions).ShouldBe((AccessChangeKind.PermissionsChanged, (Guid?)StaffTestData.StaffId, ConsentBasis.StaffDecision, ProfileTabs.Appointments));
        (await profiles.EventsAsync<ProfileAccessChanged>()).ShouldHaveSingleItem().Tabs.ShouldBe(ProfileTabs.Appointments);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_change_from_a_stale_page_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All);
        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        profiles.AsStaff();
        (await profiles.SendAsync(new ChangeProfilePermissions(link.Id, ProfileTabs.Messages, link.Version))).IsSuccess.ShouldBeTrue();

        var stale = await profiles.SendAsync(new ChangeProfilePermissions(link.Id, ProfileTabs.All, link.Version));

        stale.Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.ChangedMeanwhile]);
        (await profiles.LinkOfAsync(heather.AccountId, nathan)).Permissions.ShouldBe(ProfileTabs.Messages);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Of_a_change_and_a_revocation_made_at_once_from_the_same_page_one_wins(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All);
        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        profiles.AsStaff();

        for (var round = 0; round < 3; round++)
        {
            var current = await profiles.LinkOfAsync(heather.AccountId, nathan);
            if (current.State == AccessState.Revoked)
            {
                break;
            }

            var results = await Task.WhenAll(
                profiles.SendAsync(new ChangeProfilePermissions(link.Id, ProfileTabs.Bills, current.Version)),
                profiles.SendAsync(new RevokeProfileAccess(link.Id, current.Version)),
                profiles.SendAsync(new ChangeProfilePermissions(link.Id, ProfileTabs.Documents, current.Version)));

            results.Count(r => r.IsSuccess).ShouldBe(1);
            results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == ProfilesErrors.ChangedMeanwhile);
            var after = await profiles.LinkOfAsync(heather.AccountId, nathan);
            after.Version.ShouldBe(current.Version + 1);
        }

        var audited = await profiles.QueryAsync(db => db.AccessChanges.CountAsync(c => c.AccessId == link.Id));
        var final = await profiles.LinkOfAsync(heather.AccountId, nathan);
        audited.ShouldBe(1 + final.Version, "one audit row per winning change, after the grant");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_self_link_or_an_ended_link_is_not_changed(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var own = await profiles.QueryAsync(db => db.Accesses.AsNoTracking().SingleAsync(a => a.AccountId == heather.AccountId));
        var hugo = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2012, 3, 2)));
        await profiles.LinkAsync(heather.AccountId, hugo, Relationship.Parent, ProfileTabs.All);
        var aged = await profiles.LinkOfAsync(heather.AccountId, hugo);
        profiles.AsStaff();

        (await profiles.SendAsync(new ChangeProfilePermissions(own.Id, ProfileTabs.None, own.Version))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.SelfLinkFixed]);
        // Hugo is fourteen today: his mother's link ended at midnight, whatever the stored row says.
        (await profiles.SendAsync(new ChangeProfilePermissions(aged.Id, ProfileTabs.Bills, aged.Version))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.LinkRevoked]);
        (await profiles.SendAsync(new ChangeProfilePermissions(Guid.CreateVersion7(), ProfileTabs.Bills, 0))).Errors.ShouldBe([Error.NotFound]);
        (await profiles.LinkOfAsync(heather.AccountId, hugo)).Permissions.ShouldBe(ProfileTabs.All);
    }
}
