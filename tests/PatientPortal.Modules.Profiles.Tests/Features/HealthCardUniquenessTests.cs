using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Profiles.Features;
using PatientPortal.Testing;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// Review finding #7: a health insurance number is on one record. Patients get one neutral answer (the refusal is on the
/// trail); staff are told another record has it. A record that already shares its card (a self-registered copy of a
/// clinic record, until staff decide the suggestion) may still be saved unchanged.
/// </summary>
public sealed class HealthCardUniquenessTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_patient_cannot_put_another_records_card_on_their_own_and_the_refusal_is_recorded(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;

        // The child's card, typed another way.
        var result = await profiles.SendAsync(UpdatePersonalInformationTests.Update(family.ParentProfileId, "Parent", "miln 1702 1812", new DateOnly(2030, 1, 31)));

        result.Errors.ShouldBe([new Error(ProfilesErrors.HealthInsuranceNumberNotAccepted, nameof(UpdatePersonalInformation.HealthInsuranceNumber))]);
        var own = await profiles.RecordAsync(family.ParentProfileId);
        (own.HealthInsuranceNumber, own.AddressLine).ShouldBe((null, null));
        (await profiles.ProfileChangesAsync()).ShouldBeEmpty();
        (await profiles.ReadsAsync()).Select(r => (r.ReaderAccountId, r.ProfileId, r.What, r.Role, r.Allowed))
            .ShouldBe([(family.ParentAccountId, family.ParentProfileId, "card-refused", ReaderRole.Self, false)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_self_registered_copy_that_shares_its_card_with_the_clinic_record_is_still_saved_unchanged(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.RecordAsync(StaffTestData.Details("Heather", card: Registrations.HeatherCard));
        var heather = Registrations.SelfRegistered();
        await profiles.DeliverAsync(heather);
        var own = await profiles.QueryAsync(db => db.Accesses.Where(a => a.AccountId == heather.AccountId).Select(a => a.ProfileId).SingleAsync());
        profiles.Current.AccountId = heather.AccountId;

        (await profiles.SendAsync(UpdatePersonalInformationTests.Update(own, "Heather", Registrations.HeatherCard))).IsSuccess.ShouldBeTrue();

        (await profiles.RecordAsync(own)).AddressLine.ShouldBe("1224 rue Stanley");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_are_told_another_record_has_the_card_on_create_and_on_edit(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.RecordAsync(StaffTestData.Details());
        var heather = await profiles.RecordAsync(StaffTestData.Details("Heather", card: "MILH89042712"));
        profiles.AsStaff();

        var create = await profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details("Copy", card: "miln 1702 1812")));
        var edit = await profiles.SendAsync(new UpdatePatientProfile(heather, StaffTestData.Details("Heather", card: "MILN17021812")));

        create.Errors.ShouldBe([new Error(ProfilesErrors.HealthInsuranceNumberTaken, "Details.HealthInsuranceNumber")]);
        edit.Errors.ShouldBe([new Error(ProfilesErrors.HealthInsuranceNumberTaken, "Details.HealthInsuranceNumber")]);
        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(2);
        (await profiles.RecordAsync(heather)).HealthInsuranceNumber.ShouldBe("MILH89042712");
        (await profiles.ProfileChangesAsync()).ShouldBeEmpty();
        (await profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details("NoCard", card: null)))).IsSuccess.ShouldBeTrue("no card: nothing to compare");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_records_created_at_once_with_one_card_give_one_record(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        profiles.AsStaff();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => profiles.SendAsync(new CreatePatientProfile(StaffTestData.Details($"Copy{i}", card: "TREH 8904 2712"))))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => r.IsFailure).SelectMany(r => r.Errors).Select(e => e.Key).Distinct().ShouldBe([ProfilesErrors.HealthInsuranceNumberTaken]);
        (await profiles.QueryAsync(db => db.Profiles.CountAsync(p => p.HealthInsuranceNumber == "TREH89042712"))).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_patients_saving_one_card_at_once_leave_it_on_one_record(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var accounts = new List<(Guid Account, Guid Profile)>();
        foreach (var name in new[] { "Ann", "Bea", "Cal", "Dee" })
        {
            var registered = Registrations.SelfRegistered(name, "Roy", new DateOnly(1990, 1, 1), card: null);
            await profiles.DeliverAsync(registered);
            accounts.Add((registered.AccountId, await profiles.QueryAsync(db => db.Accesses.Where(a => a.AccountId == registered.AccountId).Select(a => a.ProfileId).SingleAsync())));
        }

        // The harness has one current account (a singleton): each request gets its own scope and its own account here.
        var results = await Task.WhenAll(accounts.Select(a => Task.Run(async () =>
        {
            using var scope = profiles.Services.CreateScope();
            var handler = ActivatorUtilities.CreateInstance<UpdatePersonalInformationHandler>(
                scope.ServiceProvider, new FakeCurrentAccount { AccountId = a.Account });
            return await handler.Handle(UpdatePersonalInformationTests.Update(a.Profile, "Roy", "TREH 8904 2712"), CancellationToken.None);
        })));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => r.IsFailure).SelectMany(r => r.Errors).Select(e => e.Key).Distinct().ShouldBe([ProfilesErrors.HealthInsuranceNumberNotAccepted]);
        (await profiles.QueryAsync(db => db.Profiles.CountAsync(p => p.HealthInsuranceNumber == "TREH89042712"))).ShouldBe(1);
        (await profiles.ReadsAsync()).Count(r => r.What == "card-refused").ShouldBe(3);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task After_three_card_tries_in_a_clinic_day_every_try_gets_the_same_answer_free_number_or_not(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", new DateOnly(2017, 2, 18));
        profiles.Current.AccountId = family.ParentAccountId;
        var update = (string card) => profiles.SendAsync(UpdatePersonalInformationTests.Update(family.ParentProfileId, "Parent", card, new DateOnly(2030, 1, 31)));

        var tries = new[] { await update("AAAA00000001"), await update("AAAA00000002"), await update(Families.ChildCard) };
        var freeButTooMany = await update("AAAA00000003");
        var takenAndTooMany = await update(Families.ChildCard);
        profiles.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await update("AAAA00000004");

        (tries[0].IsSuccess, tries[1].IsSuccess, tries[2].IsFailure).ShouldBe((true, true, true));
        freeButTooMany.Errors.ShouldBe(takenAndTooMany.Errors);
        freeButTooMany.Errors.Single().Key.ShouldBe(ProfilesErrors.HealthInsuranceNumberNotAccepted);
        (await profiles.RecordAsync(family.ParentProfileId)).HealthInsuranceNumber.ShouldBe("AAAA00000004");
        tomorrow.IsSuccess.ShouldBeTrue();
    }
}
