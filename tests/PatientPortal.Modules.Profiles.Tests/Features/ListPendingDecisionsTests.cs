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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_suggestion_shows_the_sign_in_email_and_creation_date_beside_the_records_emails_with_warnings(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        // An adult's record whose contact email is the account's sign-in email (case aside).
        var heatherRecord = await profiles.RecordAsync(StaffTestData.Details("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, contactEmail: "Heather.Milner@Example.com"));
        profiles.Clock.Advance(TimeSpan.FromDays(1));
        var registered = profiles.Clock.GetUtcNow();
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", Registrations.HeatherBirthDate, "heather.milner@example.com", Registrations.HeatherCard);
        // A child's record, with a parent linked and the guardian's email on file: the guardian registers with the child's card.
        var nathanRecord = await profiles.RecordAsync(StaffTestData.Details(guardianEmail: "marc@example.com"));
        var parent = await profiles.AccountHolderAsync("Sophie", "Milner", new DateOnly(1985, 1, 1), "sophie@example.com");
        await profiles.QueryAsync(async db =>
        {
            var (access, change) = ProfileAccess.GrantProxy(parent.AccountId, nathanRecord, Relationship.Parent, ProfileTabs.All, AccessState.Active, StaffTestData.StaffId, null, ConsentBasis.StaffDecision, profiles.Clock.GetUtcNow());
            db.Accesses.Add(access);
            db.AccessChanges.Add(change);
            return await db.SaveChangesAsync();
        });
        var marc = await profiles.AccountHolderAsync("Nathan", "Milner", new DateOnly(2017, 2, 18), "marc@example.com", "MILN17021812");
        profiles.AsStaff();

        var queue = (await profiles.SendAsync(new ListPendingDecisions())).Value;

        var forHeather = queue.LinkSuggestions.Single(s => s.Record.ProfileId == heatherRecord).Evidence;
        forHeather.ShouldBe(new LinkSuggestionEvidence(
            "heather.milner@example.com", registered,
            "Heather.Milner@Example.com", EmailComparison.Same, null, EmailComparison.Unknown,
            RecordHasOwner: false, RecordHasParentOrGuardian: false, UnderAgeOfConsent: false));
        var forMarc = queue.LinkSuggestions.Single(s => s.Record.ProfileId == nathanRecord).Evidence;
        (forMarc.AccountEmail, forMarc.RecordContactEmail, forMarc.ContactEmail, forMarc.RecordGuardianEmail, forMarc.GuardianEmail)
            .ShouldBe(("marc@example.com", (string?)null, EmailComparison.Unknown, "marc@example.com", EmailComparison.Same));
        (forMarc.RecordHasOwner, forMarc.RecordHasParentOrGuardian, forMarc.UnderAgeOfConsent).ShouldBe((false, true, true));

        // Once Heather's suggestion is confirmed, a second account's suggestion for her record shows it has an owner.
        (await profiles.SendAsync(new DecideLinkSuggestion(queue.LinkSuggestions.Single(s => s.Record.ProfileId == heatherRecord).SuggestionId, Confirm: true, IdentityCheck.InPersonPhotoId))).IsSuccess.ShouldBeTrue();
        var copycat = await profiles.AccountHolderAsync("Heather", "Milner", Registrations.HeatherBirthDate, "copy@example.com", Registrations.HeatherCard);
        profiles.AsStaff();
        var after = (await profiles.SendAsync(new ListPendingDecisions())).Value.LinkSuggestions.Single(s => s.Record.ProfileId == heatherRecord).Evidence;
        (after.AccountEmail, after.ContactEmail, after.RecordHasOwner).ShouldBe(("copy@example.com", EmailComparison.Different, true));
    }
}
