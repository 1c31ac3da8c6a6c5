namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>SearchPatients: staff find records by name, birth date, card or chart number, a capped page at a time.</summary>
public sealed class SearchPatientsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_criterion_narrows_the_search(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var nathan = await profiles.RecordAsync(StaffTestData.Details("Nathan", "Milner", new DateOnly(2017, 2, 18), "MILN17021812", "C-2001"));
        var heather = await profiles.RecordAsync(StaffTestData.Details("Heather", "Milner", new DateOnly(1989, 4, 27), "MILH89542712", "C-1042"));
        var hugo = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2005, 10, 20), "LEVH05102012", "C-3003"));
        profiles.AsStaff();

        async Task<Guid[]> Find(SearchPatients search) => [.. (await profiles.SendAsync(search)).Value.Patients.Select(p => p.ProfileId)];

        (await Find(new SearchPatients(Name: "milner"))).ShouldBe([heather, nathan]);
        (await Find(new SearchPatients(Name: "  NATH  miln "))).ShouldBe([nathan]);
        (await Find(new SearchPatients(Name: "Milner", DateOfBirth: new DateOnly(1989, 4, 27)))).ShouldBe([heather]);
        (await Find(new SearchPatients(HealthInsuranceNumber: "levh 0510 2012"))).ShouldBe([hugo]);
        (await Find(new SearchPatients(ClinicPatientId: " C-2001 "))).ShouldBe([nathan]);
        (await Find(new SearchPatients(Name: "Milner", ClinicPatientId: "C-3003"))).ShouldBeEmpty();
        (await Find(new SearchPatients(Sort: PatientSort.DateOfBirth))).ShouldBe([heather, hugo, nathan]);
        (await Find(new SearchPatients(Sort: PatientSort.ClinicPatientId))).ShouldBe([heather, nathan, hugo]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_patient_a_result_page_shows_is_on_the_access_trail_and_no_other(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var nathan = await profiles.RecordAsync(StaffTestData.Details("Nathan", "Milner", new DateOnly(2017, 2, 18), "MILN17021812"));
        var hugo = await profiles.RecordAsync(StaffTestData.Details("Hugo", "Levesque", new DateOnly(2005, 10, 20), "LEVH05102012"));
        profiles.AsStaff();

        (await profiles.SendAsync(new SearchPatients(Name: "milner"))).IsSuccess.ShouldBeTrue();

        var reads = await profiles.ReadsAsync();
        reads.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.ProfileId.ShouldBe(nathan),
            r => r.ReaderAccountId.ShouldBe(profiles.Current.AccountId!.Value),
            r => (r.Role, r.What, r.Allowed).ShouldBe((ReaderRole.Staff, "admin-search", true)));
        reads.ShouldNotContain(r => r.ProfileId == hugo);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Search_text_is_a_value_not_sql_and_wildcards_match_only_themselves(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.RecordAsync(StaffTestData.Details("Nathan", "Milner"));
        profiles.AsStaff();

        foreach (var text in new[] { "%", "_", "' OR '1'='1", "Milner'; DROP TABLE profiles.\"Profiles\"; --", "\\" })
        {
            var result = await profiles.SendAsync(new SearchPatients(Name: text));
            result.Value.Patients.ShouldBeEmpty(text);
        }

        (await profiles.SendAsync(new SearchPatients(HealthInsuranceNumber: "MILN%"))).Value.Patients.ShouldBeEmpty();
        (await profiles.SendAsync(new SearchPatients(ClinicPatientId: "%"))).Value.Patients.ShouldBeEmpty();
        (await profiles.QueryAsync(db => db.Profiles.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Pages_are_capped_and_say_whether_more_follow(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        await profiles.QueryAsync(async db =>
        {
            for (var i = 0; i < SearchPatients.MaxPageSize + 5; i++)
            {
                db.Profiles.Add(Profile.Create("Patient", $"Number{i:D3}", new DateOnly(2000, 1, 1), null, null, "fr-CA", [], null, profiles.Clock.GetUtcNow()));
            }

            return await db.SaveChangesAsync();
        });
        profiles.AsStaff();

        var huge = (await profiles.SendAsync(new SearchPatients(PageSize: 100_000))).Value;
        huge.Patients.Count.ShouldBe(SearchPatients.MaxPageSize);
        huge.PageSize.ShouldBe(SearchPatients.MaxPageSize);
        huge.HasMore.ShouldBeTrue();

        var last = (await profiles.SendAsync(new SearchPatients(Page: 2, PageSize: SearchPatients.MaxPageSize))).Value;
        last.Patients.Select(p => p.LastName).ShouldBe(["Number100", "Number101", "Number102", "Number103", "Number104"]);
        last.HasMore.ShouldBeFalse();

        (await profiles.SendAsync(new SearchPatients(PageSize: 0))).Value.Patients.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_sort_outside_the_list_or_a_page_below_one_is_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        profiles.AsStaff();

        (await profiles.SendAsync(new SearchPatients(Sort: (PatientSort)42))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.SearchInvalid]);
        (await profiles.SendAsync(new SearchPatients(Page: 0))).Errors.Select(e => e.Key).ShouldBe([ProfilesErrors.SearchInvalid]);
    }
}
