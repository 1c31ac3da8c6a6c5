using System.Globalization;

namespace PatientPortal.Modules.Appointments.Tests.Features;

/// <summary>The Appointments tab (one profile) and the dashboard (every profile the account may book for).</summary>
public sealed class ListAppointmentsTests
{
    private static readonly Guid Heather = Guid.Parse("e0000000-0000-0000-0000-000000000001");
    private static readonly Guid HeatherProfile = Guid.Parse("f0000000-0000-0000-0000-000000000001");
    private static readonly Guid Nathan = Guid.Parse("f0000000-0000-0000-0000-000000000002");
    private static readonly Guid Hugo = Guid.Parse("f0000000-0000-0000-0000-000000000003");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_tab_splits_upcoming_soonest_first_from_history_latest_first_in_the_readers_language(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        harness.Access.Allow(Heather, Nathan, ProfileTabs.Appointments, "Nathan Milner");
        harness.Current.AccountId = Heather;
        var past = await harness.BookAsync(Nathan, TestClinic.Local(2026, 2, 9, 9, 0));
        var later = await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 20, 9, 0));
        var sooner = await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 6, 9, 0), then: a => a.Cancel(CancelledBy.Clinic, null, AppointmentsHarness.Start));
        var otherFamily = await harness.BookAsync(Guid.NewGuid(), TestClinic.Local(2026, 3, 6, 9, 20));

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr-CA");
        try
        {
            var lists = (await harness.SendAsync(new ListAppointments(Nathan))).Value;

            lists.Upcoming.Select(r => (r.AppointmentId, r.Status)).ShouldBe([(sooner, AppointmentStatus.Cancelled), (later, AppointmentStatus.Booked)]);
            lists.History.Select(r => r.AppointmentId).ShouldBe([past]);
            lists.Upcoming[1].ShouldBe(new AppointmentRow(later, Nathan, TestClinic.Local(2026, 3, 20, 9, 0), "Dr. Medfar Solutions", "Médecine familiale", "My Clinic", AppointmentStatus.Booked));
            lists.Upcoming.Concat(lists.History).Select(r => r.AppointmentId).ShouldNotContain(otherFamily);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_profile_without_the_appointments_permission_is_not_listed_anywhere(DatabaseProvider provider)
    {
        await using var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        harness.Access.Allow(Heather, HeatherProfile, ProfileTabs.All, "Heather Milner");
        harness.Access.Allow(Heather, Nathan, ProfileTabs.Appointments, "Nathan Milner");
        harness.Access.Allow(Heather, Hugo, ProfileTabs.Messages, "Hugo Lévesque");
        harness.Current.AccountId = Heather;
        var mine = await harness.BookAsync(HeatherProfile, TestClinic.Local(2026, 3, 10, 9, 0));
        var his = await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 5, 9, 0));
        await harness.BookAsync(Hugo, TestClinic.Local(2026, 3, 4, 9, 0));
        await harness.BookAsync(Nathan, TestClinic.Local(2026, 2, 5, 9, 0)); // past: not on the dashboard

        var dashboard = (await harness.SendAsync(new ListUpcomingForMyProfiles())).Value;
        var hugosTab = await harness.SendAsync(new ListAppointments(Hugo));

        dashboard.Select(r => (r.AppointmentId, r.ForName)).ShouldBe([(his, "Nathan Milner"), (mine, "Heather Milner")]);
        hugosTab.Errors.Single().ShouldBe(Error.NotFound);
    }
}
