using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>DecideConnectionRequest: staff approve or refuse a patient's request to connect a child; the requester is told.</summary>
public sealed class DecideConnectionRequestTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Approving_connects_the_child_with_the_chosen_tabs_and_emails_the_requester(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        var request = await profiles.ConnectionRequestAsync(heather.AccountId, nathan, Relationship.Guardian);
        profiles.AsStaff();

        (await profiles.SendAsync(new DecideConnectionRequest(request, Approve: true, ProfileTabs.Appointments | ProfileTabs.Documents))).IsSuccess.ShouldBeTrue();

        var link = await profiles.LinkOfAsync(heather.AccountId, nathan);
        (link.Relationship, link.State, link.Permissions).ShouldBe((Relationship.Guardian, AccessState.Active, ProfileTabs.Appointments | ProfileTabs.Documents));
        (await profiles.QueryAsync(db => db.AccessChanges.SingleAsync(c => c.AccessId == link.Id))).Basis.ShouldBe(ConsentBasis.StaffDecision);
        var decided = await profiles.QueryAsync(db => db.ConnectionRequests.AsNoTracking().SingleAsync());
        (decided.State, decided.DecidedBy).ShouldBe((ConnectionRequestState.Approved, (Guid?)StaffTestData.StaffId));
        var mail = (await profiles.EmailsToAsync("heather@example.com")).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("approved");
        mail.TextBody.ShouldNotContain("Nathan");
        (await profiles.EventsAsync<ProfileAccessGranted>()).ShouldHaveSingleItem().AccountId.ShouldBe(heather.AccountId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Refusing_grants_nothing_and_emails_the_requester(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var stranger = await profiles.AccountHolderAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "marc@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        var request = await profiles.ConnectionRequestAsync(stranger.AccountId, nathan);
        profiles.AsStaff();

        (await profiles.SendAsync(new DecideConnectionRequest(request, Approve: false))).IsSuccess.ShouldBeTrue();

        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == nathan))).ShouldBeFalse();
        (await profiles.QueryAsync(db => db.ConnectionRequests.AsNoTracking().SingleAsync())).State.ShouldBe(ConnectionRequestState.Refused);
        (await profiles.EmailsToAsync("marc@example.com")).ShouldHaveSingleItem().Culture.ShouldBe("en-CA");
        (await profiles.SendAsync(new DecideConnectionRequest(request, Approve: true))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.AlreadyDecided]);
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == nathan))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_child_who_reached_the_age_of_consent_meanwhile_must_consent_first(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var hugo = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2012, 3, 2), contactEmail: "hugo@example.com"));
        var request = await profiles.ConnectionRequestAsync(heather.AccountId, hugo);
        profiles.AsStaff();

        (await profiles.SendAsync(new DecideConnectionRequest(request, Approve: true))).IsSuccess.ShouldBeTrue();

        (await profiles.LinkOfAsync(heather.AccountId, hugo)).State.ShouldBe(AccessState.PendingConsent);
        (await profiles.EmailsToAsync("hugo@example.com")).ShouldHaveSingleItem().Culture.ShouldBe("fr-CA");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Of_decisions_made_at_once_one_wins(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", new DateOnly(1989, 4, 27), "heather@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        var request = await profiles.ConnectionRequestAsync(heather.AccountId, nathan);
        profiles.AsStaff();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => profiles.SendAsync(new DecideConnectionRequest(request, Approve: i % 2 == 0))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == ProfilesErrors.AlreadyDecided);
        var decided = await profiles.QueryAsync(db => db.ConnectionRequests.AsNoTracking().SingleAsync());
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == nathan))).ShouldBe(decided.State == ConnectionRequestState.Approved);
        (await profiles.EmailsToAsync("heather@example.com")).Count.ShouldBe(1);
    }
}
