using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>CreateOwnProfile: what an account gets when Accounts tells Profiles it registered.</summary>
public sealed class CreateOwnProfileTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_self_registered_account_gets_a_new_profile_of_its_own_with_every_tab(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var registered = Registrations.SelfRegistered();

        await profiles.DeliverAsync(registered);

        var access = await profiles.QueryAsync(db => db.Accesses.SingleAsync());
        access.AccountId.ShouldBe(registered.AccountId);
        access.Relationship.ShouldBe(Relationship.Self);
        access.State.ShouldBe(AccessState.Active);
        access.Permissions.ShouldBe(ProfileTabs.All);
        access.ConsentUtc.ShouldBe(profiles.Clock.GetUtcNow());
        var profile = await profiles.QueryAsync(db => db.Profiles.SingleAsync());
        access.ProfileId.ShouldBe(profile.Id);
        (profile.FirstName, profile.LastName, profile.DateOfBirth, profile.HealthInsuranceNumber, profile.ContactEmail, profile.PreferredLanguage)
            .ShouldBe(("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, registered.Email, "en-CA"));
        profile.ClinicPatientId.ShouldBeNull();
        profile.Phones.ShouldBe([new ProfilePhone("514 555-0101", "Mobile")]);
        profile.Notifications.ShouldBe(new NotificationPreferences(AppointmentEmails: true, Reminders: true, NewCommunicationEmails: true));
        profile.CreatedUtc.ShouldBe(profiles.Clock.GetUtcNow());
        var change = await profiles.QueryAsync(db => db.AccessChanges.SingleAsync());
        (change.AccessId, change.Kind, change.Basis, change.ConsentGivenBy, change.ChangedBy, change.ChangedUtc, change.State)
            .ShouldBe((access.Id, AccessChangeKind.Granted, ConsentBasis.OwnRegistration, (Guid?)registered.AccountId, (Guid?)null, profiles.Clock.GetUtcNow(), AccessState.Active));
        (await profiles.QueryAsync(db => db.LinkSuggestions.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Someone_who_knows_a_patients_card_number_and_birth_date_gets_only_an_empty_profile_of_their_own(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var patient = await profiles.AddAsync(clinicPatientId: "C-1042");

        // The attacker gives the patient's name, date of birth and card number (spelled differently), and an address of their own.
        var attacker = Registrations.SelfRegistered(card: "milh 8954 2712");
        await profiles.DeliverAsync(attacker);

        var accesses = await profiles.QueryAsync(db => db.Accesses.ToListAsync());
        var own = accesses.ShouldHaveSingleItem();
        own.AccountId.ShouldBe(attacker.AccountId);
        own.ProfileId.ShouldNotBe(patient.Id);
        (await profiles.QueryAsync(db => db.Accesses.AnyAsync(a => a.ProfileId == patient.Id))).ShouldBeFalse();
        (await profiles.QueryAsync(db => db.AccessChanges.AnyAsync(c => c.ProfileId == patient.Id))).ShouldBeFalse();

        // The attacker's profile holds only what they typed: nothing of the clinic's record.
        var theirs = await profiles.QueryAsync(db => db.Profiles.SingleAsync(p => p.Id == own.ProfileId));
        theirs.ClinicPatientId.ShouldBeNull();
        theirs.Phones.ShouldBe([new ProfilePhone("514 555-0101", "Mobile")]);
        theirs.ContactEmail.ShouldBe(attacker.Email);

        // The patient's record is untouched.
        var record = await profiles.QueryAsync(db => db.Profiles.SingleAsync(p => p.Id == patient.Id));
        (record.ContactEmail, record.UpdatedUtc, record.ClinicPatientId).ShouldBe(((string?)null, patient.UpdatedUtc, "C-1042"));
        record.Phones.ShouldBe([new ProfilePhone("438 555-0199", "Home")]);

        // Staff see the likely match and decide.
        var suggestion = await profiles.QueryAsync(db => db.LinkSuggestions.SingleAsync());
        (suggestion.AccountId, suggestion.NewProfileId, suggestion.ExistingProfileId, suggestion.State)
            .ShouldBe((attacker.AccountId, own.ProfileId, patient.Id, LinkSuggestionState.Open));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Only_the_same_card_number_and_birth_date_make_a_link_suggestion(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.AddAsync();

        await profiles.DeliverAsync(Registrations.SelfRegistered(dateOfBirth: new DateOnly(1989, 4, 28)));
        await profiles.DeliverAsync(Registrations.SelfRegistered(card: "MILH89542799"));
        await profiles.DeliverAsync(Registrations.SelfRegistered(card: null));

        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(4);
        (await profiles.QueryAsync(db => db.LinkSuggestions.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_invited_account_is_linked_to_the_clinic_record_it_was_invited_to(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        await profiles.AddAsync(clinicPatientId: "C-2000", card: "OTHR01010101");

        var invited = Registrations.Invited(" C-1042 ");
        await profiles.DeliverAsync(invited);

        var access = await profiles.QueryAsync(db => db.Accesses.SingleAsync());
        (access.AccountId, access.ProfileId, access.Relationship, access.State, access.Permissions)
            .ShouldBe((invited.AccountId, record.Id, Relationship.Self, AccessState.Active, ProfileTabs.All));
        (await profiles.QueryAsync(db => db.AccessChanges.SingleAsync())).Basis.ShouldBe(ConsentBasis.ClinicInvitation);
        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(2);
        var linked = await profiles.QueryAsync(db => db.Profiles.SingleAsync(p => p.Id == record.Id));
        linked.ContactEmail.ShouldBe(invited.Email);
        linked.Phones.ShouldBe([new ProfilePhone("438 555-0199", "Home")]);
        (await profiles.QueryAsync(db => db.LinkSuggestions.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_invitation_for_a_chart_Profiles_does_not_hold_yet_creates_the_record_with_the_clinic_patient_id(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);

        var invited = Registrations.Invited("C-3000");
        await profiles.DeliverAsync(invited);

        var profile = await profiles.QueryAsync(db => db.Profiles.SingleAsync());
        (profile.ClinicPatientId, profile.FirstName, profile.HealthInsuranceNumber).ShouldBe(("C-3000", "Heather", Registrations.HeatherCard));
        var access = await profiles.QueryAsync(db => db.Accesses.SingleAsync());
        (access.AccountId, access.ProfileId, access.State).ShouldBe((invited.AccountId, profile.Id, AccessState.Active));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_record_that_is_already_someones_own_is_not_handed_to_a_second_invitation_for_the_same_chart(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var record = await profiles.AddAsync(clinicPatientId: "C-1042");
        var first = Registrations.Invited("C-1042");
        await profiles.DeliverAsync(first);

        var second = Registrations.Invited("C-1042");
        await profiles.DeliverAsync(second);

        (await profiles.QueryAsync(db => db.Accesses.Where(a => a.ProfileId == record.Id).Select(a => a.AccountId).ToListAsync())).ShouldBe([first.AccountId]);
        var secondOwn = await profiles.QueryAsync(db => db.Accesses.SingleAsync(a => a.AccountId == second.AccountId));
        secondOwn.ProfileId.ShouldNotBe(record.Id);
        var suggestion = await profiles.QueryAsync(db => db.LinkSuggestions.SingleAsync());
        (suggestion.NewProfileId, suggestion.ExistingProfileId).ShouldBe((secondOwn.ProfileId, record.Id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_same_registration_delivered_twice_makes_one_profile(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.AddAsync();
        var registered = Registrations.SelfRegistered();

        await profiles.DeliverAsync(registered);
        await profiles.DeliverAsync(registered);
        // Sent again under a new event id (a replayed outbox row): still one own profile.
        await profiles.DeliverAsync(registered with { EventId = Guid.CreateVersion7() });

        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(2);
        (await profiles.QueryAsync(db => db.Accesses.CountAsync())).ShouldBe(1);
        (await profiles.QueryAsync(db => db.AccessChanges.CountAsync())).ShouldBe(1);
        (await profiles.QueryAsync(db => db.LinkSuggestions.CountAsync())).ShouldBe(1);
        (await profiles.QueryAsync(db => db.ProcessedEvents.CountAsync())).ShouldBe(2);
    }
}
