using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Appointments.Domain;
using PatientPortal.Modules.Appointments.Scheduling;
using PatientPortal.Modules.Appointments.Tests.TestData;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Modules.Appointments.Tests.Scheduling;

/// <summary>SlotFinder: the free slots are the weekly blocks, less closed days, busy times, the past and the horizon.</summary>
public sealed class SlotFinderTests
{
    private static async Task<IReadOnlyList<Slot>> FindAsync(AppointmentsHarness harness, Guid type, Guid? practitioner, DateOnly first, DateOnly last)
    {
        using var scope = harness.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        var finder = scope.ServiceProvider.GetRequiredService<SlotFinder>();
        var appointmentType = await db.AppointmentTypes.SingleAsync(t => t.Id == type);
        return await finder.FindAsync(appointmentType, TestClinic.Site, practitioner is { } p ? [p] : null, first, last, CancellationToken.None);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_day_offers_its_blocks_slots_from_now_on_in_clinic_time(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));

        // Monday 2 March, 10:00 in Montreal: 9:00 to 10:00 are gone (a slot starting now too); the morning ends at 11:40
        // (a 20-minute visit by noon).
        var today = await FindAsync(harness, TestClinic.AnnualVisit, TestClinic.DrSolutions, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2));

        today.Select(s => s.StartUtc).ShouldBe(
        [
            TestClinic.Local(2026, 3, 2, 10, 20), TestClinic.Local(2026, 3, 2, 10, 40),
            TestClinic.Local(2026, 3, 2, 11, 0), TestClinic.Local(2026, 3, 2, 11, 20), TestClinic.Local(2026, 3, 2, 11, 40),
            TestClinic.Local(2026, 3, 2, 13, 0), TestClinic.Local(2026, 3, 2, 13, 20), TestClinic.Local(2026, 3, 2, 13, 40),
            TestClinic.Local(2026, 3, 2, 14, 0), TestClinic.Local(2026, 3, 2, 14, 20), TestClinic.Local(2026, 3, 2, 14, 40),
            TestClinic.Local(2026, 3, 2, 15, 0), TestClinic.Local(2026, 3, 2, 15, 20), TestClinic.Local(2026, 3, 2, 15, 40),
        ]);
        today.ShouldAllBe(s => s.EndUtc == s.StartUtc.AddMinutes(20) && s.PractitionerId == TestClinic.DrSolutions);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Busy_times_anywhere_closed_days_and_weekends_offer_nothing(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        await harness.SeedAsync(db =>
        {
            var visit = db.AppointmentTypes.Find(TestClinic.AnnualVisit)!;
            // Busy at 13:10–13:30 (a booking made on another grid, at the virtual site): 13:00 and 13:20 overlap it.
            db.Appointments.Add(Appointment.Book(Guid.NewGuid(), TestClinic.DrSolutions, TestClinic.VirtualSite, visit, TestClinic.Local(2026, 3, 3, 13, 10), null, BookingChannel.Staff, Guid.NewGuid(), AppointmentsHarness.Start));
            // A cancelled appointment frees its time again.
            var cancelled = Appointment.Book(Guid.NewGuid(), TestClinic.DrSolutions, TestClinic.Site, visit, TestClinic.Local(2026, 3, 3, 9, 0), null, BookingChannel.Portal, Guid.NewGuid(), AppointmentsHarness.Start);
            cancelled.Cancel(CancelledBy.Patient, null, AppointmentsHarness.Start);
            db.Appointments.Add(cancelled);
            db.ScheduleExceptions.Add(ScheduleException.Create(TestClinic.DrSolutions, null, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4), "Leave"));
            db.ScheduleExceptions.Add(ScheduleException.Create(null, null, new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5), "Holiday"));
        });

        var week = await FindAsync(harness, TestClinic.AnnualVisit, TestClinic.DrSolutions, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 8));
        var tuesday = week.Where(s => s.StartUtc < TestClinic.Local(2026, 3, 4, 0)).Select(s => s.StartUtc).ToList();

        tuesday.ShouldContain(TestClinic.Local(2026, 3, 3, 9, 0));
        tuesday.ShouldNotContain(TestClinic.Local(2026, 3, 3, 13, 0));
        tuesday.ShouldNotContain(TestClinic.Local(2026, 3, 3, 13, 20));
        tuesday.ShouldContain(TestClinic.Local(2026, 3, 3, 13, 40));
        week.ShouldNotContain(s => s.StartUtc >= TestClinic.Local(2026, 3, 4, 0) && s.StartUtc < TestClinic.Local(2026, 3, 6, 0)); // leave, holiday
        week.ShouldContain(s => s.StartUtc >= TestClinic.Local(2026, 3, 6, 0) && s.StartUtc < TestClinic.Local(2026, 3, 7, 0));  // Friday
        week.ShouldNotContain(s => s.StartUtc >= TestClinic.Local(2026, 3, 7, 0));                                                 // the weekend
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_horizon_ends_the_offer_and_a_type_only_comes_from_blocks_that_offer_it(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider, new Dictionary<string, string?> { ["Appointments:BookingHorizonDays"] = "10" });
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));

        var slots = await FindAsync(harness, TestClinic.AnnualVisit, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 30));
        var emergencies = await FindAsync(harness, TestClinic.MinorEmergency, null, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3));

        slots.Max(s => s.StartUtc).ShouldBeLessThan(TestClinic.Local(2026, 3, 13, 0)); // 2 March + 10 days, included
        slots.Max(s => s.StartUtc).ShouldBeGreaterThan(TestClinic.Local(2026, 3, 12, 0));
        slots.ShouldAllBe(s => s.PractitionerId == TestClinic.DrSolutions); // Dr. Tremblay offers only emergencies
        emergencies.Select(s => s.PractitionerId).Distinct().Order().ShouldBe(new[] { TestClinic.DrSolutions, TestClinic.DrTremblay }.Order());
        emergencies.ShouldAllBe(s => s.StartUtc < TestClinic.Local(2026, 3, 3, 12, 0)); // morning blocks only
        emergencies.Select(s => s.StartUtc).ShouldBeInOrder();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_practitioner_offers_nothing_at_a_site_they_left_nor_for_a_specialty_they_no_longer_have(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        var day = new DateOnly(2026, 3, 3);
        (await FindAsync(harness, TestClinic.AnnualVisit, TestClinic.DrSolutions, day, day)).ShouldNotBeEmpty();

        // Staff take My Clinic from Dr. Solutions: the blocks stay (history) but offer nothing there, emergencies included.
        await harness.SeedAsync(db => db.Practitioners.Find(TestClinic.DrSolutions)!.Update("Dr. Medfar Solutions", [TestClinic.FamilyMedicine], [TestClinic.VirtualSite]));
        var leftSite = await FindAsync(harness, TestClinic.AnnualVisit, null, day, day);
        var leftSiteEmergencies = await FindAsync(harness, TestClinic.MinorEmergency, null, day, day);
        // Back at the site, without Family Medicine: its Annual Visit is no longer theirs; a type of no specialty still is.
        await harness.SeedAsync(db => db.Practitioners.Find(TestClinic.DrSolutions)!.Update("Dr. Medfar Solutions", [], [TestClinic.Site]));
        var noSpecialty = await FindAsync(harness, TestClinic.AnnualVisit, null, day, day);
        var emergencies = await FindAsync(harness, TestClinic.MinorEmergency, TestClinic.DrSolutions, day, day);

        leftSite.ShouldBeEmpty();
        leftSiteEmergencies.ShouldAllBe(s => s.PractitionerId == TestClinic.DrTremblay);
        leftSiteEmergencies.ShouldNotBeEmpty();
        noSpecialty.ShouldBeEmpty();
        emergencies.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Clinic_hours_stay_local_across_the_spring_change_and_the_skipped_hour_is_never_offered(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider);
        await harness.SeedAsync(db =>
        {
            TestClinic.Seed(db, new DateOnly(2026, 1, 1));
            // A Sunday night block across 2:00, when Montreal's clocks jump to 3:00 (8 March 2026).
            db.ScheduleBlocks.Add(ScheduleBlock.Create(TestClinic.DrTremblay, TestClinic.Site, DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0), 30, [TestClinic.MinorEmergency], new DateOnly(2026, 1, 1)));
        });

        var sunday = await FindAsync(harness, TestClinic.MinorEmergency, TestClinic.DrTremblay, new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8));
        var aroundTheChange = await FindAsync(harness, TestClinic.MinorEmergency, TestClinic.DrTremblay, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));

        // 1:00, 1:30 (EST), then 3:00, 3:30 (EDT): 2:00 and 2:30 do not exist that night.
        sunday.Select(s => s.StartUtc.UtcDateTime.ToString("HH:mm")).ShouldBe(["06:00", "06:30", "07:00", "07:30"]);
        // 9:00 in Montreal is 14:00 UTC before the change (Tuesday 3 March) and 13:00 UTC after it (Monday 9 March).
        aroundTheChange.ShouldContain(s => s.StartUtc == new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero));
        aroundTheChange.ShouldContain(s => s.StartUtc == new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero));
    }
}
