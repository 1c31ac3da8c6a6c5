namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// ConnectProfile (Connected Accounts): the guardian on file connects a child at once; anyone else who knows the child's
/// card, birth date and names only gets a request for staff; a person at or over the age of consent is asked; all but
/// the guardian's connection get one neutral answer (not a match oracle); attempts are limited per clinic day and audited. The harness clock stands at 2026-03-02 10:00 in Montreal.
/// </summary>
public sealed class ConnectProfileTests
{
    private const ConnectOutcome Submitted = ConnectOutcome.Submitted;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_guardian_on_file_connects_a_child_at_once_with_every_tab(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, "heather.milner@example.com");
        // The clinic wrote the address in its own way: the comparison ignores case.
        var nathan = await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, guardianEmail: "Heather.Milner@Example.com");

        var result = await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard);

        result.Value.ShouldBe(ConnectOutcome.Connected);
        var link = (await profiles.LinkAsync(heather.AccountId, nathan))!;
        (link.State, link.Relationship, link.Permissions, link.PersonConsented).ShouldBe((AccessState.Active, Relationship.Parent, ProfileTabs.All, false));
        foreach (var tab in new[] { ProfileTabs.Appointments, ProfileTabs.Messages, ProfileTabs.Documents, ProfileTabs.Bills })
        {
            (await profiles.MayActForAsync(heather.AccountId, nathan, tab)).ShouldBeTrue();
        }

        var audit = await profiles.QueryAsync(db => db.AccessChanges.AsNoTracking().Where(c => c.AccessId == link.Id).ToListAsync());
        audit.Select(c => (c.Kind, c.Basis, c.ChangedBy, c.State)).ShouldBe([(AccessChangeKind.Granted, ConsentBasis.GuardianOnFile, (Guid?)heather.AccountId, AccessState.Active)]);
        (await profiles.EventsAsync()).Count(t => t.Contains(nameof(ProfileAccessGranted), StringComparison.Ordinal)).ShouldBe(1);
        (await profiles.AttemptsAsync(heather.AccountId)).Select(a => (a.Outcome, a.ProfileId)).ShouldBe([(ConnectionOutcome.Connected, (Guid?)nathan)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Knowing_a_childs_card_birth_date_and_names_without_being_the_guardian_on_file_only_asks_staff(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var attacker = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        var nathan = await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, guardianEmail: "heather.milner@example.com");
        var orphan = await profiles.RecordAsync("Léa", "Roy", new DateOnly(2018, 6, 1), "ROYL18060112");

        (await profiles.ConnectAsync(attacker.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(Submitted);
        // Again, and for a child with no guardian on file: still only requests, one open per child.
        (await profiles.ConnectAsync(attacker.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, Relationship.Guardian)).Value.ShouldBe(Submitted);
        (await profiles.ConnectAsync(attacker.AccountId, "Léa", "Roy", new DateOnly(2018, 6, 1), "ROYL18060112")).Value.ShouldBe(Submitted);

        (await profiles.LinkAsync(attacker.AccountId, nathan)).ShouldBeNull();
        (await profiles.LinkAsync(attacker.AccountId, orphan)).ShouldBeNull();
        (await profiles.MayActForAsync(attacker.AccountId, nathan)).ShouldBeFalse();
        var requests = await profiles.QueryAsync(db => db.ConnectionRequests.AsNoTracking().Where(r => r.AccountId == attacker.AccountId).ToListAsync());
        requests.OrderBy(r => r.CreatedUtc).ThenBy(r => r.ProfileId == orphan).Select(r => (r.ProfileId, r.State, r.Relationship)).ShouldBe(
            [(nathan, ConnectionRequestState.Open, Relationship.Parent), (orphan, ConnectionRequestState.Open, Relationship.Parent)]);
        (await profiles.EventsAsync()).ShouldNotContain(t => t.Contains(nameof(ProfileAccessGranted), StringComparison.Ordinal));
        (await profiles.AttemptsAsync(attacker.AccountId)).Select(a => a.Outcome).ShouldBe(
            [ConnectionOutcome.RequestedFromStaff, ConnectionOutcome.RequestedFromStaff, ConnectionOutcome.RequestedFromStaff]);

        profiles.Current.AccountId = attacker.AccountId;
        (await profiles.SendAsync(new ListMyConnectionRequests())).Value.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Names_match_whatever_their_case_accents_spaces_or_hyphens_and_a_wrong_name_does_not(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, "heather@example.com");
        var birth = new DateOnly(2016, 10, 20);
        var child = await profiles.RecordAsync("Jean-Hugo", "Lévesque", birth, "LEVJ16102012", guardianEmail: "heather@example.com");

        (await profiles.ConnectAsync(heather.AccountId, "Jean-Hugo", "Levesque", birth, "LEVJ16102012")).Errors.ShouldBeEmpty();
        (await profiles.LinkAsync(heather.AccountId, child))!.State.ShouldBe(AccessState.Active);

        // Each variant is the same child: the existing link gives the generic failure, not a no-match.
        foreach (var (first, last) in new[] { ("JEAN HUGO", "LÉVESQUE"), (" jean-hugo ", "levesque"), ("Jéan-Hugo", "Lé-Vesque") })
        {
            var again = await profiles.ConnectAsync(heather.AccountId, first, last, birth, "levj16102012");
            again.Value.ShouldBe(Submitted);
        }

        (await profiles.ConnectAsync(heather.AccountId, "Hugo", "Lévesque", birth, "LEVJ16102012")).Value.ShouldBe(Submitted);
        (await profiles.AttemptsAsync(heather.AccountId)).Select(a => a.Outcome).ShouldBe(
            [ConnectionOutcome.Connected, ConnectionOutcome.AlreadyConnected, ConnectionOutcome.AlreadyConnected, ConnectionOutcome.AlreadyConnected, ConnectionOutcome.NoMatch], ignoreOrder: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task No_match_the_callers_own_record_and_an_existing_link_give_the_one_neutral_answer(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, "heather@example.com");
        await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, guardianEmail: "heather@example.com");
        (await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(ConnectOutcome.Connected);

        var noMatch = await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, "MILN17021899");
        var wrongBirthDate = await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate.AddDays(1), Connections.NathanCard);
        var own = await profiles.ConnectAsync(heather.AccountId, "Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard);
        var existing = await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard);

        foreach (var result in new[] { noMatch, wrongBirthDate, own, existing })
        {
            result.Value.ShouldBe(Submitted);
        }

        (await profiles.AttemptsAsync(heather.AccountId)).Select(a => a.Outcome).ShouldBe(
            [ConnectionOutcome.Connected, ConnectionOutcome.NoMatch, ConnectionOutcome.NoMatch, ConnectionOutcome.AlreadyConnected, ConnectionOutcome.AlreadyConnected], ignoreOrder: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_person_at_or_over_the_age_of_consent_is_asked_by_email_and_nothing_is_shared_until_they_approve(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard);
        // Fourteen today (2012-03-02), in French; the record names Heather as guardian, but he is of age: he decides.
        var hugo = await profiles.RecordAsync("Hugo", "Lévesque", new DateOnly(2012, 3, 2), "LEVH12030212", guardianEmail: heather.Email, contactEmail: "hugo@example.com");

        var result = await profiles.ConnectAsync(heather.AccountId, "Hugo", "Levesque", new DateOnly(2012, 3, 2), "LEVH12030212");

        result.Value.ShouldBe(Submitted);
        var link = (await profiles.LinkAsync(heather.AccountId, hugo))!;
        (link.State, link.Permissions).ShouldBe((AccessState.PendingConsent, ProfileTabs.All));
        (await profiles.MayActForAsync(heather.AccountId, hugo)).ShouldBeFalse();
        var mail = (await profiles.MailsToAsync("hugo@example.com")).ShouldHaveSingleItem();
        mail.Culture.ShouldBe("fr-CA");
        mail.Subject.ShouldContain("dossier patient");
        mail.TextBody.ShouldContain("Heather Milner");
        mail.TextBody.ShouldContain("https://portal.test/account/connections");
        // No health details: neither the card nor the birth date.
        mail.TextBody.ShouldNotContain("LEVH");
        mail.TextBody.ShouldNotContain("2012");
        (await profiles.EventsAsync()).Count(t => t.Contains(nameof(ProfileAccessGranted), StringComparison.Ordinal)).ShouldBe(1);
        (await profiles.AttemptsAsync(heather.AccountId)).Single().Outcome.ShouldBe(ConnectionOutcome.ConsentRequested);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_self_registered_copy_of_a_clinic_record_never_receives_that_persons_connection_requests(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard);
        // Hugo (of age) is a clinic patient with no account; an impostor registers as Hugo (his copy, a link suggestion).
        var hugo = await profiles.RecordAsync("Hugo", "Lévesque", new DateOnly(2000, 3, 2), "LEVH00030212", contactEmail: "hugo@example.com");
        var impostor = await profiles.PatientAsync("Hugo", "Lévesque", new DateOnly(2000, 3, 2), "LEVH00030212");

        var result = await profiles.ConnectAsync(heather.AccountId, "Hugo", "Levesque", new DateOnly(2000, 3, 2), "LEVH00030212");

        result.Value.ShouldBe(Submitted);
        (await profiles.LinkAsync(heather.AccountId, hugo))!.State.ShouldBe(AccessState.PendingConsent);
        var copy = await profiles.QueryAsync(db => db.Accesses.Where(a => a.AccountId == impostor.AccountId).Select(a => a.ProfileId).SingleAsync());
        (await profiles.LinkAsync(heather.AccountId, copy)).ShouldBeNull();
        (await profiles.MailsToAsync(impostor.Email)).ShouldBeEmpty();
        (await profiles.MailsToAsync("hugo@example.com")).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_link_revoked_earlier_is_made_again_on_the_same_row(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, "heather@example.com");
        var nathan = await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, guardianEmail: "heather@example.com");
        await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard);
        var first = (await profiles.LinkAsync(heather.AccountId, nathan))!;
        await profiles.QueryAsync(async db =>
        {
            var link = await db.Accesses.SingleAsync(a => a.Id == first.Id);
            db.AccessChanges.Add(link.Revoke(RevocationReason.RevokedByStaff, Guid.CreateVersion7(), ConsentBasis.StaffDecision, profiles.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        (await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(ConnectOutcome.Connected);

        var again = (await profiles.LinkAsync(heather.AccountId, nathan))!;
        (again.Id, again.State, again.RevokedReason).ShouldBe((first.Id, AccessState.Active, (RevocationReason?)null));
        (await profiles.MayActForAsync(heather.AccountId, nathan)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Parallel_attempts_let_exactly_the_daily_limit_through_and_every_attempt_is_audited(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var attacker = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        profiles.Current.AccountId = attacker.AccountId;

        // Guessing cards: eight at once, with the default limit of five a day.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            profiles.SendAsync(new ConnectProfile("Nathan", "Milner", Connections.NathanBirthDate, $"MILN170218{i:00}", Relationship.Parent))));

        results.Count(r => r.IsSuccess && r.Value == Submitted).ShouldBe(5);
        var refused = results.Where(r => r.Errors.Any(e => e.Key == ProfilesErrors.TooManyConnectionAttempts)).ToList();
        refused.Count.ShouldBe(3);
        refused[0].Errors.Single().Arguments.ShouldBe(["5"]);
        var attempts = await profiles.AttemptsAsync(attacker.AccountId);
        attempts.Count.ShouldBe(8);
        attempts.Count(a => a.Outcome == ConnectionOutcome.NoMatch).ShouldBe(5);
        attempts.Count(a => a.Outcome == ConnectionOutcome.Refused).ShouldBe(3);

        // The limit is per clinic day: 23:59 in Montreal is still today, midnight is a new day.
        profiles.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 4, 59, 0, TimeSpan.Zero));
        (await profiles.ConnectAsync(attacker.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, "MILN17021899")).Errors.Single().Key.ShouldBe(ProfilesErrors.TooManyConnectionAttempts);
        profiles.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero));
        (await profiles.ConnectAsync(attacker.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, "MILN17021899")).Value.ShouldBe(Submitted);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_same_request_sent_twice_at_once_opens_one_staff_request_and_one_consent_link(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var marc = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        var nathan = await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard);
        var hugo = await profiles.RecordAsync("Hugo", "Lévesque", new DateOnly(2000, 10, 20), "LEVH00102012", contactEmail: "hugo@example.com");
        profiles.Current.AccountId = marc.AccountId;

        var child = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            profiles.SendAsync(new ConnectProfile("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, Relationship.Parent))));
        var adult = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            profiles.SendAsync(new ConnectProfile("Hugo", "Lévesque", new DateOnly(2000, 10, 20), "LEVH00102012", Relationship.Caregiver))));

        child.Select(r => r.Value).ShouldBe([Submitted, Submitted]);
        (await profiles.QueryAsync(db => db.ConnectionRequests.CountAsync(r => r.ProfileId == nathan))).ShouldBe(1);
        adult.ShouldAllBe(r => r.IsSuccess && r.Value == Submitted);
        (await profiles.QueryAsync(db => db.Accesses.CountAsync(a => a.ProfileId == hugo))).ShouldBe(1);
        (await profiles.MailsToAsync("hugo@example.com")).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_accounts_attempts_do_not_count_toward_mine(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var marc = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, "heather@example.com");
        for (var i = 0; i < 6; i++)
        {
            await profiles.ConnectAsync(marc.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, $"X{i}");
        }

        await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, guardianEmail: "heather@example.com");
        (await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(ConnectOutcome.Connected);
    }

    [Theory]
    [InlineData("MILN 1702 1812")]
    [InlineData("MILN-17021812")]
    [InlineData("MILN17021812!")]
    [InlineData("MÎLN17021812")]
    public async Task A_card_number_with_special_characters_is_refused_with_its_own_message_before_any_search(string card)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(DatabaseProvider.Sqlite);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard);

        var result = await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, card);

        result.Errors.ShouldBe([new Error(ProfilesErrors.CardLettersAndDigitsOnly, nameof(ConnectProfile.HealthInsuranceNumber))]);
        (await profiles.AttemptsAsync(heather.AccountId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Self_is_not_a_relationship_one_asks_for_and_nobody_signed_in_is_refused()
    {
        await using var profiles = await ProfilesHarness.CreateAsync(DatabaseProvider.Sqlite);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard);

        (await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, Relationship.Self))
            .Errors.Single().Key.ShouldBe(ProfilesErrors.RelationshipInvalid);
        profiles.Current.AccountId = null;
        (await profiles.SendAsync(new ConnectProfile("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, Relationship.Parent)))
            .Errors.ShouldBe([Error.Forbidden]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_child_who_matches_a_person_of_age_who_matches_and_nobody_look_the_same_to_the_requester(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, guardianEmail: "heather.milner@example.com");
        await profiles.RecordAsync("Hugo", "Lévesque", new DateOnly(2000, 10, 20), "LEVH00102012", contactEmail: "hugo@example.com");
        var childProber = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        var adultProber = await profiles.PatientAsync("Luc", "Roy", new DateOnly(1975, 5, 5), "ROYL75050512");
        var blindProber = await profiles.PatientAsync("Anne", "Roy", new DateOnly(1976, 6, 6), "ROYA76060612");

        var child = await profiles.ConnectAsync(childProber.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard);
        var adult = await profiles.ConnectAsync(adultProber.AccountId, "Hugo", "Lévesque", new DateOnly(2000, 10, 20), "LEVH00102012");
        var nobody = await profiles.ConnectAsync(blindProber.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, "MILN17021899");

        // The answer...
        (child.Errors, child.Value).ShouldBe((nobody.Errors, nobody.Value));
        (adult.Errors, adult.Value).ShouldBe((nobody.Errors, nobody.Value));
        // ... and what each can see afterwards: the submission by its date, and no profile but their own.
        async Task<(IReadOnlyList<MyConnectionRequest> Requests, List<Relationship> Profiles)> SeenByAsync(Guid accountId)
        {
            profiles.Current.AccountId = accountId;
            var requests = (await profiles.SendAsync(new ListMyConnectionRequests())).Value;
            var mine = (await profiles.SendAsync(new GetMyProfiles())).Value.Select(p => p.Relationship).ToList();
            return (requests, mine);
        }

        var seenByNobody = await SeenByAsync(blindProber.AccountId);
        seenByNobody.Requests.ShouldBe([new MyConnectionRequest(profiles.Clock.GetUtcNow())]);
        seenByNobody.Profiles.ShouldBe([Relationship.Self]);
        foreach (var prober in new[] { childProber.AccountId, adultProber.AccountId })
        {
            var seen = await SeenByAsync(prober);
            seen.Requests.ShouldBe(seenByNobody.Requests);
            seen.Profiles.ShouldBe(seenByNobody.Profiles);
        }

        // The audit keeps the truth.
        (await profiles.AttemptsAsync(childProber.AccountId)).Single().Outcome.ShouldBe(ConnectionOutcome.RequestedFromStaff);
        (await profiles.AttemptsAsync(adultProber.AccountId)).Single().Outcome.ShouldBe(ConnectionOutcome.ConsentRequested);
        (await profiles.AttemptsAsync(blindProber.AccountId)).Single().Outcome.ShouldBe(ConnectionOutcome.NoMatch);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task After_staff_refuse_a_request_the_account_cannot_ask_again_for_that_child_for_30_days(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var marc = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        var nathan = await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard);
        var lea = await profiles.RecordAsync("Léa", "Roy", new DateOnly(2018, 6, 1), "ROYL18060112");
        (await profiles.ConnectAsync(marc.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(Submitted);
        var request = await profiles.QueryAsync(db => db.ConnectionRequests.AsNoTracking().SingleAsync());
        profiles.AsStaff();
        (await profiles.SendAsync(new DecideConnectionRequest(request.Id, Approve: false))).IsSuccess.ShouldBeTrue();
        var refused = profiles.Clock.GetUtcNow();
        profiles.Current.Role = null;

        profiles.Clock.SetUtcNow(refused.AddDays(29));
        (await profiles.ConnectAsync(marc.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(Submitted);
        (await profiles.QueryAsync(db => db.ConnectionRequests.CountAsync(r => r.ProfileId == nathan))).ShouldBe(1, "no new request for staff");
        (await profiles.AttemptsAsync(marc.AccountId)).OrderBy(a => a.AttemptedUtc).Last().Outcome.ShouldBe(ConnectionOutcome.CoolingDown);
        // Another child is not held back.
        (await profiles.ConnectAsync(marc.AccountId, "Léa", "Roy", new DateOnly(2018, 6, 1), "ROYL18060112")).Value.ShouldBe(Submitted);
        (await profiles.QueryAsync(db => db.ConnectionRequests.CountAsync(r => r.ProfileId == lea && r.State == ConnectionRequestState.Open))).ShouldBe(1);

        profiles.Clock.SetUtcNow(refused.AddDays(30));
        (await profiles.ConnectAsync(marc.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(Submitted);
        (await profiles.QueryAsync(db => db.ConnectionRequests.CountAsync(r => r.ProfileId == nathan && r.State == ConnectionRequestState.Open))).ShouldBe(1);
        (await profiles.AttemptsAsync(marc.AccountId)).OrderBy(a => a.AttemptedUtc).Last().Outcome.ShouldBe(ConnectionOutcome.RequestedFromStaff);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_requesters_list_shows_30_days_of_submissions_by_date_only_newest_first(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, "heather@example.com");
        await profiles.RecordAsync("Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard, guardianEmail: "heather@example.com");
        var start = profiles.Clock.GetUtcNow();
        await profiles.ConnectAsync(heather.AccountId, "Léa", "Roy", new DateOnly(2018, 6, 1), "ROYL18060112");
        profiles.Clock.SetUtcNow(start.AddDays(2));
        // Connected at once: a connection, not a submission.
        (await profiles.ConnectAsync(heather.AccountId, "Nathan", "Milner", Connections.NathanBirthDate, Connections.NathanCard)).Value.ShouldBe(ConnectOutcome.Connected);
        await profiles.ConnectAsync(heather.AccountId, "Zoé", "Roy", new DateOnly(2019, 6, 1), "ROYZ19060112");

        profiles.Current.AccountId = heather.AccountId;
        (await profiles.SendAsync(new ListMyConnectionRequests())).Value.ShouldBe([new MyConnectionRequest(start.AddDays(2)), new MyConnectionRequest(start)]);
        profiles.Clock.SetUtcNow(start.AddDays(31));
        (await profiles.SendAsync(new ListMyConnectionRequests())).Value.ShouldBe([new MyConnectionRequest(start.AddDays(2))]);
        profiles.Current.AccountId = null;
        (await profiles.SendAsync(new ListMyConnectionRequests())).Errors.ShouldBe([Error.Forbidden]);
    }
}
