using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Startup;

/// <summary>The Development demo clinic's children: the guide's Milner family and a second family, once, never crossed.</summary>
public sealed class DemoProfilesTests
{
    private static async Task<IReadOnlyList<string>> SeedAsync(ProfilesHarness profiles)
    {
        using var scope = profiles.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetServices<IDemoDataSeeder>().Single();
        seeder.Order.ShouldBeGreaterThan(10, "after Accounts' DemoAccounts");
        return await seeder.SeedIfEmptyAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Heather_has_nathan_and_hugo_s_ended_link_sophie_has_lea_and_a_second_start_adds_nothing(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);

        (await SeedAsync(profiles)).ShouldNotBeEmpty();
        (await SeedAsync(profiles)).ShouldBeEmpty();

        profiles.Current.AccountId = DemoClinic.HeatherMilnerAccountId;
        var heathers = (await profiles.SendAsync(new GetMyProfiles())).Value;
        heathers.Select(p => (p.FirstName, p.LastName, p.DateOfBirth, p.State, p.Tabs)).ShouldBe(
        [
            ("Hugo", "Lévesque", new DateOnly(2005, 10, 20), AccessState.Revoked, ProfileTabs.All),
            ("Nathan", "Milner", new DateOnly(2017, 2, 18), AccessState.Active, ProfileTabs.All),
        ]);
        heathers[0].RevokedUtc.ShouldBe(new DateTimeOffset(2019, 10, 20, 4, 0, 0, TimeSpan.Zero));
        var hugo = await profiles.QueryAsync(db => db.Accesses.AsNoTracking().SingleAsync(a => a.ProfileId == heathers[0].ProfileId));
        hugo.RevokedReason.ShouldBe(RevocationReason.AgeOfConsentReached);

        profiles.Current.AccountId = DemoClinic.SophieGagnonAccountId;
        var sophies = (await profiles.SendAsync(new GetMyProfiles())).Value;
        sophies.Select(p => (p.FirstName, p.State)).ShouldBe([("Léa", AccessState.Active)]);

        // Across families: nothing, either way.
        (await profiles.SendAsync(new MayActFor(heathers[1].ProfileId, ProfileTabs.Appointments))).ShouldBeFalse();
        (await profiles.SendAsync(new MayActFor(sophies[0].ProfileId, ProfileTabs.Appointments))).ShouldBeTrue();
        profiles.Current.AccountId = DemoClinic.HeatherMilnerAccountId;
        (await profiles.SendAsync(new MayActFor(sophies[0].ProfileId, ProfileTabs.Appointments))).ShouldBeFalse();
        (await profiles.SendAsync(new MayActFor(heathers[0].ProfileId, ProfileTabs.Documents))).ShouldBeFalse();
        (await profiles.SendAsync(new MayActFor(heathers[1].ProfileId, ProfileTabs.Bills))).ShouldBeTrue();
    }
}
