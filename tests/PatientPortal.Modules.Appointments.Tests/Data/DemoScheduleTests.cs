using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Startup;

namespace PatientPortal.Modules.Appointments.Tests.Data;

/// <summary>The Development demo clinic: seeded once, relative to the clock, with free time every week and the guide's cases for Nathan.</summary>
public sealed class DemoScheduleTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_demo_clinic_is_seeded_once_with_free_slots_every_week_and_nathans_cases(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider);
        var heather = DemoClinic.HeatherMilnerAccountId;
        var nathan = DemoClinic.NathanMilnerProfileId;
        harness.Access.Allow(heather, nathan, ProfileTabs.Appointments, "Nathan Milner");
        harness.Current.AccountId = heather;

        using (var scope = harness.Services.CreateScope())
        {
            var seeder = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoSchedule>().Single();
            (await seeder.SeedIfEmptyAsync(CancellationToken.None)).ShouldNotBeEmpty();
        }

        using (var scope = harness.Services.CreateScope())
        {
            var again = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoSchedule>().Single();
            (await again.SeedIfEmptyAsync(CancellationToken.None)).ShouldBeEmpty();
        }

        (await harness.QueryAsync(db => db.Sites.CountAsync())).ShouldBe(2);
        (await harness.QueryAsync(db => db.Sites.CountAsync(s => s.IsVirtual))).ShouldBe(1);
        (await harness.QueryAsync(db => db.Specialties.CountAsync())).ShouldBe(3);
        (await harness.QueryAsync(db => db.Practitioners.CountAsync())).ShouldBe(5);

        // Free time in each of the coming eight weeks, and a grid that opens on the first one.
        for (var week = 0; week < 8; week++)
        {
            var day = DateOnly.FromDateTime(AppointmentsHarness.Start.UtcDateTime).AddDays(7 * week);
            var grid = (await harness.SendAsync(new GetAvailabilities(nathan, DemoSchedule.AnnualVisit, DemoSchedule.MyClinic, DemoClinic.DrMedfarSolutionsId, null, day))).Value;
            grid.Days.ShouldContain(d => !d.None, $"week {week}");
        }

        var lists = (await harness.SendAsync(new ListAppointments(nathan))).Value;
        lists.Upcoming.Select(r => r.Status).ShouldBe([AppointmentStatus.Booked, AppointmentStatus.Booked, AppointmentStatus.Cancelled]);
        lists.History.Count.ShouldBe(3);
        var soon = (await harness.SendAsync(new GetAppointment(lists.Upcoming[0].AppointmentId))).Value;
        (soon.CanConfirm, soon.CanCancel).ShouldBe((true, true), "inside 72 hours, yet more than 48 away (Thursday 9:00 from Monday 10:00)");
        soon.VisitMessage.ShouldNotBeNull();
        var later = (await harness.SendAsync(new GetAppointment(lists.Upcoming[1].AppointmentId))).Value;
        (later.CanConfirm, later.CanCancel).ShouldBe((false, true));
        (await harness.SendAsync(new ListPractitioners(nathan, DemoSchedule.FamilyMedicine))).Value.Count.ShouldBe(3);
        (await harness.SendAsync(new ListEmergencyTypes(nathan, DemoSchedule.MyClinic))).Value.Select(t => t.Id).ShouldBe([DemoSchedule.MinorEmergency, DemoSchedule.ComplexEmergency]);

        // Recent activity hears of the three recent bookings and the cancellation, at the times they happened.
        var published = await harness.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        published.OrderBy(m => m.OccurredUtc).Select(m => m.Type.Split(',')[0].Split('.')[^1])
            .ShouldBe([nameof(AppointmentBooked), nameof(AppointmentBooked), nameof(AppointmentBooked), nameof(AppointmentCancelled)]);
        published.ShouldAllBe(m => m.OccurredUtc < AppointmentsHarness.Start);
        published.Where(m => m.Payload.Contains(lists.Upcoming[2].AppointmentId.ToString())).Count().ShouldBe(2, "the cancelled one was booked, then cancelled");
        // The family booked them on the portal: the rows say so, as the events do.
        (await harness.QueryAsync(db => db.Appointments.Select(a => a.Channel).Distinct().ToListAsync())).ShouldBe([BookingChannel.Portal]);
        published.ShouldAllBe(m => m.Payload.Contains("\"ByClinic\":false"));
    }
}
