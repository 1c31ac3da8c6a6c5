namespace PatientPortal.Modules.Appointments.Tests.Features;

/// <summary>ConfirmAppointment and CancelAppointment from the portal: the guide's windows, in real hours, and one winner in a race.</summary>
public sealed class ConfirmAndCancelTests
{
    private static readonly Guid Heather = Guid.Parse("e0000000-0000-0000-0000-000000000001");
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
    public async Task Confirming_opens_72_hours_before_the_start_and_a_second_confirm_changes_nothing(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 6, 9, 0);
        var id = await harness.BookAsync(Nathan, start);

        harness.Clock.SetUtcNow(start.AddHours(-72).AddSeconds(-1));
        var early = await harness.SendAsync(new ConfirmAppointment(id));
        var detailsEarly = (await harness.SendAsync(new GetAppointment(id))).Value;
        harness.Clock.SetUtcNow(start.AddHours(-72));
        var detailsOpen = (await harness.SendAsync(new GetAppointment(id))).Value;
        var onTime = await harness.SendAsync(new ConfirmAppointment(id));
        var again = await harness.SendAsync(new ConfirmAppointment(id));

        early.Errors.Single().Key.ShouldBe(AppointmentsErrors.ConfirmNotYetOpen);
        detailsEarly.CanConfirm.ShouldBeFalse();
        detailsOpen.CanConfirm.ShouldBeTrue();
        onTime.IsSuccess.ShouldBeTrue();
        again.IsSuccess.ShouldBeTrue();
        var confirmed = await harness.AppointmentAsync(id);
        (confirmed.Status, confirmed.ConfirmedBy, confirmed.ConfirmedUtc).ShouldBe((AppointmentStatus.Confirmed, Heather, start.AddHours(-72)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Cancelling_online_ends_48_hours_before_the_start(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 6, 9, 0);
        var late = await harness.BookAsync(Nathan, start);
        var inTime = await harness.BookAsync(Nathan, start.AddMinutes(20));

        harness.Clock.SetUtcNow(start.AddHours(-48).AddSeconds(1));
        var refused = await harness.SendAsync(new CancelAppointment(late));
        var details = (await harness.SendAsync(new GetAppointment(late))).Value;
        var cancelled = await harness.SendAsync(new CancelAppointment(inTime));

        refused.Errors.Single().Key.ShouldBe(AppointmentsErrors.CancelWindowClosed);
        (details.CanCancel, details.CancelDeadlineUtc).ShouldBe((false, start.AddHours(-48)));
        (await harness.AppointmentAsync(late)).Status.ShouldBe(AppointmentStatus.Booked);
        cancelled.IsSuccess.ShouldBeTrue();
        var gone = await harness.AppointmentAsync(inTime);
        (gone.Status, gone.CancelledByParty, gone.CancelledByAccount, gone.Sequence).ShouldBe((AppointmentStatus.Cancelled, CancelledBy.Patient, Heather, 1));
        (await harness.SendAsync(new CancelAppointment(inTime))).Errors.Single().Key.ShouldBe(AppointmentsErrors.NoLongerActive);
        (await harness.SendAsync(new ConfirmAppointment(inTime))).Errors.Single().Key.ShouldBe(AppointmentsErrors.NoLongerActive);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_windows_count_real_hours_across_the_spring_change(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        // Monday 9 March 2026, 10:00 EDT = 14:00 UTC. 72 real hours before is Friday 6 March 14:00 UTC = 9:00 EST.
        var start = TestClinic.Local(2026, 3, 9, 10, 0);
        var id = await harness.BookAsync(Nathan, start);

        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 13, 59, 59, TimeSpan.Zero));
        var early = await harness.SendAsync(new ConfirmAppointment(id));
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 14, 0, 0, TimeSpan.Zero));
        var open = await harness.SendAsync(new ConfirmAppointment(id));

        start.ShouldBe(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero));
        early.Errors.Single().Key.ShouldBe(AppointmentsErrors.ConfirmNotYetOpen);
        open.IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Confirm_racing_cancel_always_ends_cancelled_and_never_confirms_a_cancelled_appointment(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 6, 9, 0);
        harness.Clock.SetUtcNow(start.AddHours(-60)); // both windows open
        for (var round = 0; round < 5; round++)
        {
            var id = await harness.BookAsync(Nathan, start.AddMinutes(20 * round));

            var confirm = Task.Run(() => harness.SendAsync(new ConfirmAppointment(id)));
            var cancel = Task.Run(() => harness.SendAsync(new CancelAppointment(id)));
            var results = await Task.WhenAll(confirm, cancel);

            results[1].IsSuccess.ShouldBeTrue();
            var final = await harness.AppointmentAsync(id);
            final.Status.ShouldBe(AppointmentStatus.Cancelled);
            if (results[0].IsFailure)
            {
                results[0].Errors.Single().Key.ShouldBe(AppointmentsErrors.NoLongerActive);
                final.ConfirmedUtc.ShouldBeNull();
            }
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_familys_appointment_is_not_found_and_stays_as_it_was(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 6, 9, 0);
        var theirs = await harness.BookAsync(Guid.NewGuid(), start);
        var messagesOnly = Guid.NewGuid();
        harness.Access.Allow(Heather, messagesOnly, ProfileTabs.Messages);
        var noTab = await harness.BookAsync(messagesOnly, start.AddMinutes(20));
        harness.Clock.SetUtcNow(start.AddHours(-60));

        foreach (var id in new[] { theirs, noTab, Guid.NewGuid() })
        {
            (await harness.SendAsync(new GetAppointment(id))).Errors.Single().ShouldBe(Error.NotFound);
            (await harness.SendAsync(new ConfirmAppointment(id))).Errors.Single().ShouldBe(Error.NotFound);
            (await harness.SendAsync(new CancelAppointment(id))).Errors.Single().ShouldBe(Error.NotFound);
        }

        (await harness.QueryAsync(db => db.Appointments.CountAsync(a => a.Status != AppointmentStatus.Booked))).ShouldBe(0);
        var theirProfile = (await harness.AppointmentAsync(theirs)).ProfileId;
        harness.Access.Reads.Select(r => (r.ReaderAccountId, r.ProfileId, r.What, r.Allowed)).ShouldBe(
        [
            (Heather, theirProfile, "appointment", false), (Heather, theirProfile, "appointment-confirm", false), (Heather, theirProfile, "appointment-cancel", false),
            (Heather, messagesOnly, "appointment", false), (Heather, messagesOnly, "appointment-confirm", false), (Heather, messagesOnly, "appointment-cancel", false),
        ], "every refused id that names an appointment is on the trail (a made-up id names no one)");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reading_the_tab_and_an_appointments_details_is_on_the_access_trail(DatabaseProvider provider)
    {
        await using var harness = await ClinicAsync(provider);
        var id = await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 6, 9, 0));

        (await harness.SendAsync(new ListAppointments(Nathan))).IsSuccess.ShouldBeTrue();
        (await harness.SendAsync(new GetAppointment(id))).IsSuccess.ShouldBeTrue();

        harness.Access.Reads.Select(r => (r.ReaderAccountId, r.ProfileId, r.What, r.Allowed, r.ByStaff))
            .ShouldBe([(Heather, Nathan, "appointments", true, false), (Heather, Nathan, "appointment", true, false)]);
    }
}
