using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>RevokeProfileAccess: staff end a proxy link; it stops working on the next request.</summary>
public sealed class RevokeProfileAccessTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_revoked_link_stops_at_once_and_says_who_revoked_it(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All);
        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        profiles.AsStaff();

        (await profiles.SendAsync(new RevokeProfileAccess(link.Id, link.Version))).IsSuccess.ShouldBeTrue();

        var after = await profiles.LinkOfAsync(heather.AccountId, nathan);
        (after.State, after.RevokedReason, after.RevokedUtc).ShouldBe((AccessState.Revoked, (RevocationReason?)RevocationReason.RevokedByStaff, (DateTimeOffset?)profiles.Clock.GetUtcNow()));
        var change = await profiles.QueryAsync(db => db.AccessChanges.SingleAsync(c => c.AccessId == link.Id && c.Kind == AccessChangeKind.Revoked));
        (change.ChangedBy, change.Basis).ShouldBe(((Guid?)StaffTestData.StaffId, ConsentBasis.StaffDecision));
        (await profiles.EventsAsync<ProfileAccessRevoked>()).ShouldHaveSingleItem().Reason.ShouldBe("RevokedByStaff");
        profiles.Current.AccountId = heather.AccountId;
        profiles.Current.Role = Roles.Patient;
        (await profiles.SendAsync(new MayActFor(nathan, ProfileTabs.Appointments))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_second_revocation_or_a_self_link_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var own = await profiles.QueryAsync(db => db.Accesses.AsNoTracking().SingleAsync(a => a.AccountId == heather.AccountId));
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All);
        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        profiles.AsStaff();
        (await profiles.SendAsync(new RevokeProfileAccess(link.Id, link.Version))).IsSuccess.ShouldBeTrue();

        (await profiles.SendAsync(new RevokeProfileAccess(link.Id, link.Version))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.ChangedMeanwhile]);
        (await profiles.SendAsync(new RevokeProfileAccess(link.Id, link.Version + 1))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.LinkRevoked]);
        (await profiles.SendAsync(new RevokeProfileAccess(own.Id, own.Version))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.SelfLinkFixed]);
        (await profiles.EventsAsync<ProfileAccessRevoked>()).Count.ShouldBe(1);
    }
}
