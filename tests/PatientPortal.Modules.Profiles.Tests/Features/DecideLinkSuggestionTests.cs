namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>DecideLinkSuggestion: staff confirm that a self-registered account is an existing record's person, or refuse.</summary>
public sealed class DecideLinkSuggestionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirming_moves_the_accounts_own_link_to_the_clinic_record(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var heather = Registrations.SelfRegistered();
        await profiles.DeliverAsync(heather);
        var suggestion = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        var own = await profiles.LinkOfAsync(heather.AccountId, suggestion.NewProfileId);
        profiles.AsStaff();

        (await profiles.SendAsync(new DecideLinkSuggestion(suggestion.Id, Confirm: true, IdentityCheck.InPersonPhotoId))).IsSuccess.ShouldBeTrue();

        var moved = await profiles.QueryAsync(db => db.Accesses.AsNoTracking().SingleAsync(a => a.AccountId == heather.AccountId));
        (moved.Id, moved.ProfileId, moved.Relationship, moved.State, moved.Permissions).ShouldBe((own.Id, record.Id, Relationship.Self, AccessState.Active, ProfileTabs.All));
        var decided = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        (decided.State, decided.DecidedBy, decided.DecidedUtc, decided.IdentityCheck).ShouldBe(
            (LinkSuggestionState.Confirmed, (Guid?)StaffTestData.StaffId, (DateTimeOffset?)profiles.Clock.GetUtcNow(), (IdentityCheck?)IdentityCheck.InPersonPhotoId));
        var change = await profiles.QueryAsync(db => db.AccessChanges.SingleAsync(c => c.ProfileId == record.Id));
        (change.AccessId, change.ChangedBy, change.ConsentGivenBy, change.Basis).ShouldBe((own.Id, (Guid?)StaffTestData.StaffId, (Guid?)heather.AccountId, ConsentBasis.StaffDecision));
        (await profiles.EventsAsync<ProfileAccessGranted>()).ShouldHaveSingleItem().ProfileId.ShouldBe(record.Id);
        (await profiles.EventsAsync<ProfileAccessRevoked>()).ShouldHaveSingleItem().ProfileId.ShouldBe(suggestion.NewProfileId);
        profiles.Current.AccountId = heather.AccountId;
        (await profiles.SendAsync(new MayActFor(record.Id, ProfileTabs.Documents))).ShouldBeTrue();
        (await profiles.SendAsync(new MayActFor(suggestion.NewProfileId, ProfileTabs.Documents))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Refusing_closes_the_suggestion_and_grants_nothing(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var attacker = Registrations.SelfRegistered();
        await profiles.DeliverAsync(attacker);
        var suggestion = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        profiles.AsStaff();

        (await profiles.SendAsync(new DecideLinkSuggestion(suggestion.Id, Confirm: false))).IsSuccess.ShouldBeTrue();

        (await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync())).State.ShouldBe(LinkSuggestionState.Refused);
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == record.Id))).ShouldBeFalse();
        (await profiles.LinkOfAsync(attacker.AccountId, suggestion.NewProfileId)).State.ShouldBe(AccessState.Active);
        (await profiles.SendAsync(new DecideLinkSuggestion(suggestion.Id, Confirm: true, IdentityCheck.InPersonPhotoId))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.AlreadyDecided]);
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == record.Id))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_record_that_is_someone_elses_own_is_not_handed_over(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var first = Registrations.SelfRegistered();
        var second = Registrations.SelfRegistered();
        await profiles.DeliverAsync(first);
        await profiles.DeliverAsync(second);
        var suggestions = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().ToListAsync());
        profiles.AsStaff();
        (await profiles.SendAsync(new DecideLinkSuggestion(suggestions.Single(s => s.AccountId == first.AccountId && s.ExistingProfileId == record.Id).Id, Confirm: true, IdentityCheck.InPersonPhotoId))).IsSuccess.ShouldBeTrue();

        var result = await profiles.SendAsync(new DecideLinkSuggestion(suggestions.Single(s => s.AccountId == second.AccountId && s.ExistingProfileId == record.Id).Id, Confirm: true, IdentityCheck.InPersonPhotoId));

        result.Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.RecordHasOwner]);
        (await profiles.QueryAsync(db => db.Accesses.CountAsync(a => a.ProfileId == record.Id))).ShouldBe(1);
        (await profiles.QueryAsync(db => db.LinkSuggestions.SingleAsync(s => s.AccountId == second.AccountId && s.ExistingProfileId == record.Id))).State.ShouldBe(LinkSuggestionState.Open, "staff may still refuse it");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_account_already_linked_to_the_record_as_a_proxy_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var heather = Registrations.SelfRegistered();
        await profiles.DeliverAsync(heather);
        await profiles.LinkAsync(heather.AccountId, record.Id, Relationship.Caregiver, ProfileTabs.All, revoke: RevocationReason.RevokedByStaff);
        var suggestion = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        profiles.AsStaff();

        (await profiles.SendAsync(new DecideLinkSuggestion(suggestion.Id, Confirm: true, IdentityCheck.InPersonPhotoId))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.AccountHasOtherLink]);

        (await profiles.LinkOfAsync(heather.AccountId, suggestion.NewProfileId)).Relationship.ShouldBe(Relationship.Self);
        (await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync())).State.ShouldBe(LinkSuggestionState.Open);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Of_decisions_made_at_once_one_wins(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var heather = Registrations.SelfRegistered();
        await profiles.DeliverAsync(heather);
        var suggestion = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        profiles.AsStaff();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => profiles.SendAsync(new DecideLinkSuggestion(suggestion.Id, Confirm: i % 2 == 0, IdentityCheck.InPersonPhotoId))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == ProfilesErrors.AlreadyDecided);
        var decided = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        var linked = await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == record.Id));
        linked.ShouldBe(decided.State == LinkSuggestionState.Confirmed);
        (await profiles.QueryAsync(db => db.AccessChanges.CountAsync(c => c.ProfileId == record.Id))).ShouldBe(linked ? 1 : 0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirming_without_saying_how_identity_was_checked_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var heather = Registrations.SelfRegistered();
        await profiles.DeliverAsync(heather);
        var suggestion = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        profiles.AsStaff();

        foreach (var check in new IdentityCheck?[] { null, (IdentityCheck)42 })
        {
            var result = await profiles.SendAsync(new DecideLinkSuggestion(suggestion.Id, Confirm: true, check));
            result.Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.IdentityCheckRequired]);
        }

        var still = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync());
        (still.State, still.DecidedBy, still.IdentityCheck).ShouldBe((LinkSuggestionState.Open, (Guid?)null, (IdentityCheck?)null));
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == record.Id))).ShouldBeFalse();
        (await profiles.QueryAsync(db => db.AccessChanges.CountAsync(c => c.AccountId == heather.AccountId))).ShouldBe(1, "only the registration's own link");
        // Refusing needs no check, and stores none even if one is sent.
        (await profiles.SendAsync(new DecideLinkSuggestion(suggestion.Id, Confirm: false, IdentityCheck.EmailOnFile))).IsSuccess.ShouldBeTrue();
        (await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync())).IdentityCheck.ShouldBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_email_on_file_counts_as_the_check_only_when_the_sign_in_email_is_the_records_contact_email(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.RecordAsync(StaffTestData.Details("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, contactEmail: "Heather.Milner@example.com"));
        var impostor = await profiles.AccountHolderAsync("Heather", "Milner", Registrations.HeatherBirthDate, "someone@example.com", Registrations.HeatherCard);
        var heather = await profiles.AccountHolderAsync("Heather", "Milner", Registrations.HeatherBirthDate, "heather.milner@example.com", Registrations.HeatherCard);
        var suggestions = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().Where(s => s.ExistingProfileId == record).ToListAsync());
        profiles.AsStaff();

        var refused = await profiles.SendAsync(new DecideLinkSuggestion(suggestions.Single(s => s.AccountId == impostor.AccountId).Id, Confirm: true, IdentityCheck.EmailOnFile));

        refused.Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.IdentityCheckEmailDiffers]);
        (await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync(s => s.AccountId == impostor.AccountId))).State.ShouldBe(LinkSuggestionState.Open);
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == record))).ShouldBeFalse();

        (await profiles.SendAsync(new DecideLinkSuggestion(suggestions.Single(s => s.AccountId == heather.AccountId).Id, Confirm: true, IdentityCheck.EmailOnFile))).IsSuccess.ShouldBeTrue();
        (await profiles.LinkOfAsync(heather.AccountId, record)).Relationship.ShouldBe(Relationship.Self);
        (await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().SingleAsync(s => s.AccountId == heather.AccountId && s.ExistingProfileId == record))).IdentityCheck.ShouldBe(IdentityCheck.EmailOnFile);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_email_on_file_is_not_enough_when_it_may_be_a_parents(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        // A 15-year-old whose record carries the parent's address as contact and guardian email; a 40-year-old whose
        // record carries her own address but has a guardian linked; a 12-year-old with his own address.
        var teen = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2011, 1, 10), "LEVH11011012", contactEmail: "parent@example.com", guardianEmail: "parent@example.com"));
        var linked = await profiles.RecordAsync(StaffTestData.Details("Anne", "Roy", new DateOnly(1986, 1, 10), "ROYA86511012", contactEmail: "anne@example.com"));
        var minor = await profiles.RecordAsync(StaffTestData.Details("Paul", "Roy", new DateOnly(2013, 5, 10), "ROYP13051012", contactEmail: "paul@example.com"));
        var parent = await profiles.AccountHolderAsync("Hugo", "Levesque", new DateOnly(2011, 1, 10), "parent@example.com", "LEVH11011012");
        var anne = await profiles.AccountHolderAsync("Anne", "Roy", new DateOnly(1986, 1, 10), "anne@example.com", "ROYA86511012");
        var paul = await profiles.AccountHolderAsync("Paul", "Roy", new DateOnly(2013, 5, 10), "paul@example.com", "ROYP13051012");
        var caregiver = await profiles.AccountHolderAsync("Marc", "Roy", new DateOnly(1960, 1, 1), "marc@example.com");
        await profiles.GrantAsync(caregiver.AccountId, linked, Relationship.Guardian);
        var suggestions = await profiles.QueryAsync(db => db.LinkSuggestions.AsNoTracking().ToListAsync());
        profiles.AsStaff();

        var results = new List<Result>();
        foreach (var account in new[] { parent.AccountId, anne.AccountId, paul.AccountId })
        {
            results.Add(await profiles.SendAsync(new DecideLinkSuggestion(suggestions.Single(s => s.AccountId == account).Id, Confirm: true, IdentityCheck.EmailOnFile)));
        }

        var inPerson = await profiles.SendAsync(new DecideLinkSuggestion(suggestions.Single(s => s.AccountId == anne.AccountId).Id, Confirm: true, IdentityCheck.InPersonPhotoId));

        results.ShouldAllBe(r => r.Errors.Single().Key == ProfilesErrors.IdentityCheckEmailNotEnough);
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.Relationship == Relationship.Self && (a.ProfileId == teen || a.ProfileId == minor)))).ShouldBeFalse();
        inPerson.IsSuccess.ShouldBeTrue();
        (await profiles.LinkOfAsync(anne.AccountId, linked)).Relationship.ShouldBe(Relationship.Self);
    }
}
