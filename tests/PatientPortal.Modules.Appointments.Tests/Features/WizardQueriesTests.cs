using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Appointments.Scheduling;
using System.Globalization;

namespace PatientPortal.Modules.Appointments.Tests.Features;

/// <summary>
/// The booking wizards' steps and the week grid: what each step offers, that every id is checked again, and that an
/// account without the Appointments permission for the profile gets "not found" everywhere. The clock is Monday
/// 2 March 2026, 10:00 in Montreal.
/// </summary>
public sealed class WizardQueriesTests
{
    private static readonly Guid Heather = Guid.Parse("e0000000-0000-0000-0000-000000000001");
    private static readonly Guid Sophie = Guid.Parse("e0000000-0000-0000-0000-000000000002");
    private static readonly Guid Nathan = Guid.Parse("f0000000-0000-0000-0000-000000000002");

    private static async Task<AppointmentsHarness> ClinicAsync(DatabaseProvider provider)
    {
        var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        harness.Access.Allow(Heather, Nathan, ProfileTabs.Appointments, "Nathan Milner");
        harness.Current.AccountId = Heather;
        return harness;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_step_offers_what_the_clinic_has_the_assigned_practitioner_first(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        harness.Access.Assigned[Nathan] = TestClinic.DrTremblay;

        (await harness.SendAsync(new ListSpecialties(Nathan))).Value.Select(c => c.Id).ShouldBe([TestClinic.FamilyMedicine]);
        var practitioners = (await harness.SendAsync(new ListPractitioners(Nathan, TestClinic.FamilyMedicine))).Value;
        practitioners.Select(c => (c.Id, c.Assigned)).ShouldBe([(TestClinic.DrTremblay, true), (TestClinic.DrSolutions, false)]);
        (await harness.SendAsync(new ListPractitionerSites(Nathan, TestClinic.FamilyMedicine, TestClinic.DrSolutions))).Value
            .Select(c => c.Id).ShouldBe([TestClinic.Site, TestClinic.VirtualSite]);
        var types = (await harness.SendAsync(new ListBookableTypes(Nathan, TestClinic.FamilyMedicine, TestClinic.DrSolutions, TestClinic.Site))).Value;
        types.ShouldBe([new WizardChoice(TestClinic.AnnualVisit, "Annual Visit", null, 20)]); // Follow-up is not bookable online
        (await harness.SendAsync(new ListBookableTypes(Nathan, TestClinic.FamilyMedicine, TestClinic.DrSolutions, TestClinic.VirtualSite))).Value.ShouldBeEmpty();
        (await harness.SendAsync(new ListEmergencySites(Nathan))).Value.Select(c => c.Id).ShouldBe([TestClinic.Site]);
        var emergency = (await harness.SendAsync(new ListEmergencyTypes(Nathan, TestClinic.Site))).Value.ShouldHaveSingleItem();
        emergency.Id.ShouldBe(TestClinic.MinorEmergency);
        emergency.Description.ShouldBe("For consultations regarding one issue only (e.g. flu, ear infection)");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Without_the_appointments_permission_every_step_is_not_found_and_so_is_a_made_up_combination(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        harness.Access.Assigned[Nathan] = TestClinic.DrTremblay;
        harness.Access.Allow(Sophie, Nathan, ProfileTabs.Messages, "Nathan Milner");
        harness.Current.AccountId = Sophie;

        (await harness.SendAsync(new ListSpecialties(Nathan))).Errors.Single().ShouldBe(Error.NotFound);
        (await harness.SendAsync(new ListPractitioners(Nathan, TestClinic.FamilyMedicine))).Errors.Single().ShouldBe(Error.NotFound);
        (await harness.SendAsync(new ListPractitionerSites(Nathan, TestClinic.FamilyMedicine, TestClinic.DrSolutions))).Errors.Single().ShouldBe(Error.NotFound);
        (await harness.SendAsync(new ListBookableTypes(Nathan, TestClinic.FamilyMedicine, TestClinic.DrSolutions, TestClinic.Site))).Errors.Single().ShouldBe(Error.NotFound);
        (await harness.SendAsync(new ListEmergencySites(Nathan))).Errors.Single().ShouldBe(Error.NotFound);
        (await harness.SendAsync(new ListEmergencyTypes(Nathan, TestClinic.Site))).Errors.Single().ShouldBe(Error.NotFound);
        (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, null, null))).Errors.Single().ShouldBe(Error.NotFound);
        (await harness.SendAsync(new GetBookingSummary(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions))).Errors.Single().ShouldBe(Error.NotFound);

        harness.Current.AccountId = Heather;
        // A type not bookable online, a routine type as an emergency, an emergency type as routine, a practitioner at a
        // site they do not work at, a specialty that does not exist.
        (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.FollowUp, TestClinic.Site, TestClinic.DrSolutions, null, null))).IsFailure.ShouldBeTrue();
        (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, null, null, null, Emergency: true))).IsFailure.ShouldBeTrue();
        (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.MinorEmergency, TestClinic.Site, TestClinic.DrSolutions, null, null))).IsFailure.ShouldBeTrue();
        (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.VirtualSite, TestClinic.DrTremblay, null, null))).IsFailure.ShouldBeTrue();
        (await harness.SendAsync(new GetBookingSummary(Nathan, TestClinic.AnnualVisit, TestClinic.VirtualSite, TestClinic.DrTremblay))).IsFailure.ShouldBeTrue();
        (await harness.SendAsync(new ListPractitioners(Nathan, Guid.NewGuid()))).IsFailure.ShouldBeTrue();
        // The assigned practitioner is not told to an account that may not book for the profile.
        harness.Current.AccountId = Sophie;
        (await harness.SendAsync(new ListPractitioners(Nathan, TestClinic.FamilyMedicine))).IsFailure.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_grid_shows_a_week_of_mornings_and_afternoons_without_past_or_taken_times(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        await harness.BookAsync(Guid.NewGuid(), TestClinic.Local(2026, 3, 3, 9, 0)); // Tuesday 9:00 is taken

        var week = (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, null, null))).Value;

        week.FirstDay.ShouldBe(new DateOnly(2026, 3, 2));
        week.Days.Select(d => d.Day.DayOfWeek).ShouldBe([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday]);
        week.PreviousWeek.ShouldBeNull();
        week.NextWeek.ShouldBe(new DateOnly(2026, 3, 9));
        var monday = week.Days[0];
        monday.Morning[0].StartUtc.ShouldBe(TestClinic.Local(2026, 3, 2, 10, 20)); // 10:00 is now
        monday.Morning[^1].StartUtc.ShouldBe(TestClinic.Local(2026, 3, 2, 11, 40));
        monday.Afternoon.Select(s => s.StartUtc).ShouldBe(Enumerable.Range(0, 9).Select(i => TestClinic.Local(2026, 3, 2, 13, 0).AddMinutes(20 * i)));
        monday.Afternoon.ShouldAllBe(s => s.PractitionerName == "Dr. Medfar Solutions" && s.PractitionerId == TestClinic.DrSolutions);
        week.Days[1].Morning.Select(s => s.StartUtc).ShouldNotContain(TestClinic.Local(2026, 3, 3, 9, 0));
        week.Days[1].Morning[0].StartUtc.ShouldBe(TestClinic.Local(2026, 3, 3, 9, 20));
        week.Days[5].None.ShouldBeTrue();
        week.Days[6].None.ShouldBeTrue();

        var later = (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, null, new DateOnly(2026, 3, 19)))).Value;
        later.FirstDay.ShouldBe(new DateOnly(2026, 3, 16));
        later.PreviousWeek.ShouldBe(new DateOnly(2026, 3, 9));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Anytime_after_a_date_jumps_to_its_week_and_hides_the_days_before_it(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);

        var week = (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, new DateOnly(2026, 3, 12), null))).Value;

        week.FirstDay.ShouldBe(new DateOnly(2026, 3, 9));
        week.Days.Take(3).ShouldAllBe(d => d.None);
        week.Days[3].Morning[0].StartUtc.ShouldBe(TestClinic.Local(2026, 3, 12, 9, 0));
        week.NothingUntilHorizon.ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_crafted_day_at_the_end_of_the_calendar_shows_the_horizons_week_and_never_overflows(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var last = harness.Services.GetRequiredService<SlotFinder>().LastBookableDay;

        var week = await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, null, DateOnly.MaxValue));
        var after = await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, DateOnly.MaxValue, null));
        var before = await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, DateOnly.MinValue, DateOnly.MinValue));

        week.Value.Days.Select(d => d.Day).ShouldContain(last);
        week.Value.NextWeek.ShouldBeNull();
        after.Value.Days.Select(d => d.Day).ShouldContain(last);
        before.Value.FirstDay.ShouldBe(new DateOnly(2026, 3, 2), "this week");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task As_soon_as_possible_skips_a_week_that_is_fully_closed(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        await harness.SeedAsync(db => db.ScheduleExceptions.Add(ScheduleException.Create(null, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 13), "March break")));

        var week = (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, null, null))).Value;

        week.FirstDay.ShouldBe(new DateOnly(2026, 3, 16));
        week.Days[0].Morning[0].StartUtc.ShouldBe(TestClinic.Local(2026, 3, 16, 9, 0));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_emergency_grid_lists_everyone_at_the_site_soonest_first_and_the_summary_names_it_in_french(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);

        var week = (await harness.SendAsync(new GetAvailabilities(Nathan, TestClinic.MinorEmergency, TestClinic.Site, null, null, null, Emergency: true))).Value;

        var morning = week.Days[0].Morning;
        morning.Select(s => s.PractitionerName).Distinct().Order().ShouldBe(["Dr. Anne Tremblay", "Dr. Medfar Solutions"]);
        morning.Select(s => s.StartUtc).ShouldBeInOrder();
        morning[0].StartUtc.ShouldBe(TestClinic.Local(2026, 3, 2, 10, 15));

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr-CA");
        try
        {
            var summary = (await harness.SendAsync(new GetBookingSummary(Nathan, TestClinic.MinorEmergency, TestClinic.Site, TestClinic.DrTremblay, Emergency: true))).Value;
            summary.TypeName.ShouldBe("Urgence mineure");
            summary.DurationMinutes.ShouldBe(15);
            summary.Site.Phone.ShouldBe("(555) 123-4321");
            summary.PractitionerName.ShouldBe("Dr. Anne Tremblay");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
