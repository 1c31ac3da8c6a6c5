namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>ListPendingDecisions: the staff queue holds open suggestions and open requests only.</summary>
public sealed class ListPendingDecisionsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Open_suggestions_and_requests_are_listed_and_decided_ones_leave_the_queue(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var heather = Registrations.SelfRegistered();
        await profiles.DeliverAsync(heather);
        var marc = await profiles.AccountHolderAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "marc@example.com");
        var nathan = await profiles.RecordAsync(StaffTestData.Details());
        var lea = await profiles.RecordAsync(StaffTestData.Details("Léa", "Tremblay", card: null));
        var open = await profiles.ConnectionRequestAsync(marc.AccountId, nathan);
        var decided = await profiles.ConnectionRequestAsync(marc.AccountId, lea);
        profiles.AsStaff();
        (await profiles.SendAsync(new DecideConnectionRequest(decided, Approve: false))).IsSuccess.ShouldBeTrue();

        var queue = (await profiles.SendAsync(new ListPendingDecisions())).Value;

        var suggestion = queue.LinkSuggestions.ShouldHaveSingleItem();
        (suggestion.Record.ProfileId, suggestion.Record.ClinicPatientId, suggestion.Account.FirstName).ShouldBe((record.Id, "C-1042", "Heather"));
        var request = queue.ConnectionRequests.ShouldHaveSingleItem();
        (request.RequestId, request.RequesterFirstName, request.RequesterLastName, request.Record.ProfileId, request.Relationship)
            .ShouldBe((open, "Marc", "Tremblay", nathan, Relationship.Parent));
        // The access trail (F29): each record the queue shows, once per listing.
        var reads = (await profiles.ReadsAsync()).Where(r => r.What == "admin-queue").ToList();
        reads.Select(r => r.ProfileId).Order().ShouldBe(new[] { suggestion.Account.ProfileId, record.Id, nathan }.Order());
        reads.ShouldAllBe(r => r.Role == ReaderRole.Staff && r.Allowed);
    }
}
