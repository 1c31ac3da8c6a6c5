using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>Every staff slice refuses anyone but staff who passed the second factor, and changes nothing (B16 in the module).</summary>
public sealed class StaffOnlyTests
{
    public static TheoryData<DatabaseProvider, string> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var who in new[] { "anonymous", "patient", "staff-without-second-factor", "patient-with-second-factor" })
            {
                data.Add(provider, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_staff_with_a_second_factor_may_use_the_staff_slices(DatabaseProvider provider, string who)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        await profiles.LinkAsync(heather.AccountId, nathan, Relationship.Parent, ProfileTabs.All);
        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        var request = await profiles.ConnectionRequestAsync(heather.AccountId, nathan);
        var changesBefore = await profiles.QueryAsync(db => db.AccessChanges.CountAsync());
        var outboxBefore = (await profiles.PublishedBesideTheTrailAsync()).Count;

        (profiles.Current.AccountId, profiles.Current.Role, profiles.Current.SecondFactorPassed) = who switch
        {
            "anonymous" => ((Guid?)null, (string?)null, false),
            "patient" => (heather.AccountId, Roles.Patient, false),
            "patient-with-second-factor" => (heather.AccountId, Roles.Patient, true),
            _ => (StaffTestData.StaffId, Roles.Staff, false),
        };

        (await profiles.SendAsync(new SearchPatients("Milner"))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new GetPatientRecord(nathan))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details("Léa")))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new UpdatePatientProfile(nathan, StaffTestData.Details("Renamed")))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new AttachProfile(nathan, "heather@example.com", Relationship.Guardian, ProfileTabs.All))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new ChangeProfilePermissions(link.Id, ProfileTabs.None, link.Version))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new RevokeProfileAccess(link.Id, link.Version))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new DecideConnectionRequest(request, Approve: true))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new DecideLinkSuggestion(Guid.CreateVersion7(), Confirm: true, IdentityCheck.InPersonPhotoId))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.SendAsync(new ListPendingDecisions())).Errors.ShouldBe([Error.Forbidden]);

        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(2);
        (await profiles.QueryAsync(db => db.Profiles.SingleAsync(p => p.Id == nathan))).FirstName.ShouldBe("Nathan");
        (await profiles.LinkOfAsync(heather.AccountId, nathan)).ShouldBeEquivalentTo(link);
        (await profiles.QueryAsync(db => db.ConnectionRequests.SingleAsync())).State.ShouldBe(ConnectionRequestState.Open);
        (await profiles.QueryAsync(db => db.AccessChanges.CountAsync())).ShouldBe(changesBefore);
        ((await profiles.PublishedBesideTheTrailAsync()).Count).ShouldBe(outboxBefore);
    }
}
