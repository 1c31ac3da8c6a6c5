using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Appointments.Tests.Emails;

namespace PatientPortal.Modules.Appointments.Tests.Staff;

/// <summary>
/// Issue 9, the staff calendar: a practitioner's day and week, booking for a patient, the clinic's cancellation (the
/// patient is told), arrived and no-show; staff only, and a staff cancel racing a patient's confirm ends one way.
/// </summary>
public sealed class StaffCalendarTests
{
    private static readonly Guid StaffId = Guid.Parse("57aff000-0000-0000-0000-000000000009");
    private static readonly Guid Heather = Guid.Parse("e0000000-0000-0000-0000-000000000001");
    private static readonly Guid Nathan = Guid.Parse("f0000000-0000-0000-0000-000000000002");
    private static readonly Guid NathansOwnAccount = Guid.Parse("e0000000-0000-0000-0000-000000000003");

    /// <summary>Tuesday 3 March 2026 (the harness starts on Monday 2 March, 10:00 in Montreal).</summary>
    private static readonly DateOnly Tuesday = new(2026, 3, 3);

    private static async Task<AppointmentsHarness> StaffClinicAsync(DatabaseProvider provider)
    {
        var harness = await AppointmentsHarness.CreateAsync(provider);
        await TestClinic.SeedAsync(harness, new DateOnly(2026, 1, 1));
        harness.Patients.Add(Nathan, "Nathan", "Milner");
        harness.Access.Allow(Heather, Nathan, ProfileTabs.Appointments, "Nathan Milner");
        harness.Recipients.Add(Nathan, NathansOwnAccount, "nathan@example.test", "fr-CA");
        harness.Recipients.Add(Nathan, Heather, "heather@example.test", "en-CA");
        harness.Current.SignedInAs(StaffId, Roles.Staff);
        return harness;
    }

    private static IReadOnlyList<string> Keys(Result result) => [.. result.Errors.Select(e => e.Key)];

    private static string Token(AppointmentsHarness harness, Guid id, EmailAction action)
    {
        using var scope = harness.Services.CreateScope();
        var appointment = harness.QueryAsync(db => db.Appointments.SingleAsync(a => a.Id == id)).GetAwaiter().GetResult();
        return scope.ServiceProvider.GetRequiredService<EmailLinkTokens>().Issue(appointment, action, Heather);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, Roles.Patient, true)]
    [InlineData(DatabaseProvider.Sqlite, Roles.Staff, false)]
    [InlineData(DatabaseProvider.Postgres, Roles.Patient, true)]
    [InlineData(DatabaseProvider.Postgres, Roles.Admin, false)]
    public async Task A_patient_or_staff_without_the_second_factor_is_refused_and_nothing_changes(DatabaseProvider provider, string role, bool secondFactor)
    {
        await using var harness = await StaffClinicAsync(provider);
        var booked = await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 3, 9, 0));
        var today = await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 2, 9, 0));
        harness.Current.SignedInAs(Heather, role, secondFactor);
        // Even a patient who may act for Nathan: these are the clinic's actions.
        harness.Access.Allow(Heather, Nathan, ProfileTabs.All, "Nathan Milner");

        (await harness.SendAsync(new GetPractitionerCalendar(TestClinic.DrSolutions, Tuesday, CalendarSpan.Week))).Errors.ShouldBe([Error.Forbidden]);
        (await harness.SendAsync(new StaffBookAppointment(Nathan, TestClinic.FollowUp, TestClinic.Site, TestClinic.DrSolutions, TestClinic.Local(2026, 3, 3, 9, 20))))
            .Errors.ShouldBe([Error.Forbidden]);
        (await harness.SendAsync(new StaffCancelAppointment(booked, "Doctor away"))).Errors.ShouldBe([Error.Forbidden]);
        (await harness.SendAsync(new RecordAttendance(today, Arrived: true))).Errors.ShouldBe([Error.Forbidden]);

        (await harness.QueryAsync(db => db.Appointments.Select(a => a.Status).ToListAsync())).ShouldAllBe(s => s == AppointmentStatus.Booked);
        (await harness.QueryAsync(db => db.Appointments.CountAsync())).ShouldBe(2);
        (await harness.QueuedEmailsAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_week_and_the_day_show_appointments_with_names_and_statuses_and_the_free_slots_around_them(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        var nine = TestClinic.Local(2026, 3, 3, 9, 0);
        var booked = await harness.BookAsync(Nathan, nine);
        var stranger = Guid.NewGuid(); // a record Profiles does not know (deleted, say): shown without a name
        var cancelled = await harness.BookAsync(stranger, TestClinic.Local(2026, 3, 4, 13, 0), then: a => a.Cancel(CancelledBy.Clinic, StaffId, AppointmentsHarness.Start, "Doctor away"));
        await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 3, 9, 0), practitioner: TestClinic.DrTremblay);
        await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 9, 9, 0)); // next week

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-CA");
        var week = (await harness.SendAsync(new GetPractitionerCalendar(TestClinic.DrSolutions, new DateOnly(2026, 3, 4), CalendarSpan.Week))).Value;

        (week.PractitionerName, week.FirstDay, week.LastDay).ShouldBe(("Dr. Medfar Solutions", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8)));
        week.Appointments.Select(a => a.AppointmentId).ShouldBe([booked, cancelled]);
        var first = week.Appointments[0];
        (first.PatientName, first.TypeName, first.SiteName, first.Status, first.CanCancel, first.CanRecordAttendance)
            .ShouldBe(("Nathan Milner", "Visite annuelle", "My Clinic", AppointmentStatus.Booked, true, false));
        var second = week.Appointments[1];
        (second.PatientName, second.Status, second.CancelledByClinic, second.CancelledNote, second.CanCancel, second.CanRecordAttendance)
            .ShouldBe(((string?)null, AppointmentStatus.Cancelled, true, "Doctor away", false, false));

        // Free: not before now (Monday 10:00), not at Tuesday 9:00 (taken), Wednesday 13:00 again (cancelled); each with
        // the types that fit, the one patients cannot book online included.
        week.FreeSlots.ShouldAllBe(s => s.StartUtc > AppointmentsHarness.Start && s.StartUtc < TestClinic.Local(2026, 3, 7, 0, 0));
        week.FreeSlots.ShouldNotContain(s => s.StartUtc == nine);
        week.FreeSlots.ShouldContain(s => s.StartUtc == TestClinic.Local(2026, 3, 4, 13, 0));
        var nineTwenty = week.FreeSlots.Single(s => s.StartUtc == TestClinic.Local(2026, 3, 3, 9, 20));
        (nineTwenty.SiteId, nineTwenty.SiteName).ShouldBe((TestClinic.Site, "My Clinic"));
        nineTwenty.Types.Select(t => (t.Name, t.DurationMinutes, t.BookableOnline))
            .ShouldBe([("Suivi", 20, false), ("Urgence mineure", 15, true), ("Visite annuelle", 20, true)]);
        week.FreeSlots.Single(s => s.StartUtc == TestClinic.Local(2026, 3, 3, 13, 0)).Types.Select(t => t.AppointmentTypeId)
            .ShouldBe([TestClinic.FollowUp, TestClinic.AnnualVisit]);

        var day = (await harness.SendAsync(new GetPractitionerCalendar(TestClinic.DrSolutions, Tuesday, CalendarSpan.Day))).Value;
        (day.FirstDay, day.LastDay).ShouldBe((Tuesday, Tuesday));
        day.Appointments.Select(a => a.AppointmentId).ShouldBe([booked]);
        day.FreeSlots.ShouldAllBe(s => s.StartUtc >= TestClinic.Local(2026, 3, 3, 0, 0) && s.StartUtc < TestClinic.Local(2026, 3, 4, 0, 0));
        day.FreeSlots.Count.ShouldBe(9 + 9 - 1); // 9:00-11:40 and 13:00-15:40 every 20 minutes, less the booked 9:00

        (await harness.SendAsync(new GetPractitionerCalendar(Guid.NewGuid(), Tuesday, CalendarSpan.Day))).Errors.ShouldBe([Error.NotFound]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_book_types_patients_cannot_and_past_the_limit_and_the_patient_is_sent_the_confirmation(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        for (var i = 0; i < 4; i++)
        {
            await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 10 + i, 9, 0)); // the patient's limit of upcoming bookings
        }

        var start = TestClinic.Local(2026, 3, 3, 9, 20);
        var booked = await harness.SendAsync(new StaffBookAppointment(Nathan, TestClinic.FollowUp, TestClinic.Site, TestClinic.DrSolutions, start, "Suivi genou"));

        Keys(booked).ShouldBeEmpty();
        var appointment = await harness.AppointmentAsync(booked.Value);
        (appointment.ProfileId, appointment.AppointmentTypeId, appointment.StartUtc, appointment.EndUtc, appointment.Channel, appointment.BookedBy, appointment.Status)
            .ShouldBe((Nathan, TestClinic.FollowUp, start, start.AddMinutes(20), BookingChannel.Staff, StaffId, AppointmentStatus.Booked));
        var mails = await harness.QueuedEmailsAsync();
        mails.Select(m => (m.To, m.Culture)).OrderBy(m => m.To).ShouldBe([("heather@example.test", "en-CA"), ("nathan@example.test", "fr-CA")]);
        mails.ShouldAllBe(m => !m.TextBody.Contains("genou") && !m.TextBody.Contains("Suivi") && !m.TextBody.Contains("Follow-up"));

        // A patient is held to the limit: the same profile cannot book online now.
        harness.Current.AccountId = Heather;
        harness.Current.Role = Roles.Patient;
        (await harness.SendAsync(new BookAppointment(Nathan, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, TestClinic.Local(2026, 3, 3, 10, 0), null)))
            .Errors.Single().Key.ShouldBe(AppointmentsErrors.TooManyUpcoming);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_never_book_a_taken_overlapping_past_far_or_made_up_slot_nor_for_an_unknown_record(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        await harness.BookAsync(Nathan, TestClinic.Local(2026, 3, 3, 9, 0));
        StaffBookAppointment Book(Guid type, DateTimeOffset start, Guid? profile = null, Guid? practitioner = null) =>
            new(profile ?? Nathan, type, TestClinic.Site, practitioner ?? TestClinic.DrSolutions, start);

        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 3, 3, 9, 0)))).ShouldBe([AppointmentsErrors.SlotTaken]);
        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 3, 3, 9, 5)))).ShouldBe([AppointmentsErrors.SlotTaken]);
        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 3, 3, 12, 0)))).ShouldBe([AppointmentsErrors.SlotTaken]); // outside the blocks
        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 3, 3, 9, 20), practitioner: TestClinic.DrTremblay))).ShouldBe([AppointmentsErrors.SlotTaken]); // not offered
        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 3, 2, 9, 20)))).ShouldBe([AppointmentsErrors.SlotInPast]);
        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 9, 1, 9, 0)))).ShouldBe([AppointmentsErrors.SlotBeyondHorizon]);
        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 3, 3, 9, 20), profile: Guid.NewGuid()))).ShouldBe([AppointmentsErrors.UnknownPatient]);
        Keys(await harness.SendAsync(Book(Guid.NewGuid(), TestClinic.Local(2026, 3, 3, 9, 20))))
            .ShouldBe([AppointmentsErrors.UnknownChoice], "a type that does not exist is a choice to make again, not a taken time");
        Keys(await harness.SendAsync(Book(TestClinic.FollowUp, TestClinic.Local(2026, 3, 3, 9, 20)) with { Reason = new string('x', 2000) }))
            .ShouldBe([AppointmentsErrors.ReasonTooLong]);

        (await harness.QueryAsync(db => db.Appointments.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Twenty_parallel_staff_bookings_of_one_slot_make_one_appointment(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        var profiles = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        foreach (var profile in profiles)
        {
            harness.Patients.Add(profile, "Patient", profile.ToString()[..8]);
        }

        var start = TestClinic.Local(2026, 3, 5, 10, 0);
        var results = await Task.WhenAll(profiles.Select(p => Task.Run(() =>
            harness.SendAsync(new StaffBookAppointment(p, TestClinic.AnnualVisit, TestClinic.Site, TestClinic.DrSolutions, start)))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == AppointmentsErrors.SlotTaken);
        (await harness.QueryAsync(db => db.Appointments.CountAsync(a => a.StartUtc == start))).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_clinic_cancels_until_the_start_and_tells_everyone_in_their_language_without_the_note(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 3, 9, 0); // within 48 hours: too late for the patient, not for the clinic
        var id = await harness.BookAsync(Nathan, start);

        Keys(await harness.SendAsync(new StaffCancelAppointment(id, "  "))).ShouldBe([AppointmentsErrors.CancelNoteRequired]);
        Keys(await harness.SendAsync(new StaffCancelAppointment(id, new string('x', 201)))).ShouldBe([AppointmentsErrors.CancelNoteTooLong]);
        Keys(await harness.SendAsync(new StaffCancelAppointment(Guid.NewGuid(), "Doctor away"))).ShouldBe([Error.NotFound.Key]);
        Keys(await harness.SendAsync(new StaffCancelAppointment(id, " Dr away; patient's knee pain "))).ShouldBeEmpty();

        var cancelled = await harness.AppointmentAsync(id);
        (cancelled.Status, cancelled.CancelledByParty, cancelled.CancelledByAccount, cancelled.CancelledNote, cancelled.Sequence)
            .ShouldBe((AppointmentStatus.Cancelled, CancelledBy.Clinic, (Guid?)StaffId, "Dr away; patient's knee pain", 1));
        var mails = await harness.QueuedEmailsAsync();
        mails.Count.ShouldBe(2);
        mails.Single(m => m.Culture == "en-CA").Subject.ShouldStartWith("The clinic cancelled an appointment");
        mails.Single(m => m.Culture == "fr-CA").Subject.ShouldStartWith("La clinique a annulé un rendez-vous");
        mails.Single(m => m.Culture == "fr-CA").TextBody.ShouldContain("mardi 3 mars 2026 à 9 h 00");
        foreach (var mail in mails)
        {
            mail.AttachmentName.ShouldBe("cancel.ics");
            var calendar = AppointmentEmailTests.CalendarOf(mail);
            calendar.Method.ShouldBe("CANCEL");
            calendar.Events.Single().Sequence.ShouldBe(1);
            foreach (var secret in new[] { "knee", "away", "Check-up", "Annual", "annuelle" })
            {
                mail.Subject.ShouldNotContain(secret, Case.Insensitive);
                mail.TextBody.ShouldNotContain(secret, Case.Insensitive);
                mail.AttachmentContent!.ShouldNotContain(secret, Case.Insensitive);
            }
        }

        // Sent again (a double click, a replay): cancelled still, nobody told twice.
        Keys(await harness.SendAsync(new StaffCancelAppointment(id, "Again"))).ShouldBeEmpty();
        (await harness.QueuedEmailsAsync()).Count.ShouldBe(2);
        (await harness.AppointmentAsync(id)).CancelledNote.ShouldBe("Dr away; patient's knee pain");

        // Once started, it is no longer the clinic's to cancel: attendance is recorded instead.
        var later = await harness.BookAsync(Nathan, start.AddMinutes(20));
        harness.Clock.SetUtcNow(start.AddMinutes(20));
        Keys(await harness.SendAsync(new StaffCancelAppointment(later, "Too late"))).ShouldBe([AppointmentsErrors.AlreadyStarted]);
        (await harness.AppointmentAsync(later)).Status.ShouldBe(AppointmentStatus.Booked);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Arrived_from_the_clinic_day_no_show_once_started_never_when_cancelled_and_the_history_shows_it(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 3, 14, 0);
        var id = await harness.BookAsync(Nathan, start);
        var cancelled = await harness.BookAsync(Nathan, start.AddHours(-1), then: a => a.Cancel(CancelledBy.Patient, Heather, AppointmentsHarness.Start));

        Keys(await harness.SendAsync(new RecordAttendance(id, Arrived: true))).ShouldBe([AppointmentsErrors.AttendanceTooEarly]); // the day before
        harness.Clock.SetUtcNow(TestClinic.Local(2026, 3, 3, 0, 5));
        Keys(await harness.SendAsync(new RecordAttendance(id, Arrived: false))).ShouldBe([AppointmentsErrors.AttendanceTooEarly]); // not started
        harness.Clock.SetUtcNow(start.AddMinutes(-10));
        Keys(await harness.SendAsync(new RecordAttendance(id, Arrived: true))).ShouldBeEmpty(); // came early
        var arrived = await harness.AppointmentAsync(id);
        (arrived.Status, arrived.AttendanceRecordedUtc, arrived.AttendanceRecordedBy).ShouldBe((AppointmentStatus.Arrived, (DateTimeOffset?)start.AddMinutes(-10), (Guid?)StaffId));
        Keys(await harness.SendAsync(new RecordAttendance(cancelled, Arrived: true))).ShouldBe([AppointmentsErrors.NoLongerActive]);
        Keys(await harness.SendAsync(new RecordAttendance(Guid.NewGuid(), Arrived: true))).ShouldBe([Error.NotFound.Key]);
        Keys(await harness.SendAsync(new StaffCancelAppointment(id, "Oops"))).ShouldBe([AppointmentsErrors.AlreadyStarted]);

        harness.Clock.SetUtcNow(start.AddMinutes(30));
        Keys(await harness.SendAsync(new RecordAttendance(id, Arrived: false))).ShouldBeEmpty(); // a correction
        Keys(await harness.SendAsync(new RecordAttendance(id, Arrived: false))).ShouldBeEmpty(); // again: no change
        (await harness.AppointmentAsync(id)).ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(AppointmentStatus.NoShow),
            a => a.Version.ShouldBe(2));
        (await harness.AppointmentAsync(cancelled)).Status.ShouldBe(AppointmentStatus.Cancelled);

        var calendar = (await harness.SendAsync(new GetPractitionerCalendar(TestClinic.DrSolutions, Tuesday, CalendarSpan.Day))).Value;
        calendar.Appointments.Single(a => a.AppointmentId == id).ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(AppointmentStatus.NoShow), a => a.CanCancel.ShouldBeFalse(), a => a.CanRecordAttendance.ShouldBeTrue());

        harness.Current.SignedInAs(Heather, Roles.Patient);
        var history = (await harness.SendAsync(new ListAppointments(Nathan))).Value.History;
        history.Select(r => (r.AppointmentId, r.Status)).ShouldBe([(id, AppointmentStatus.NoShow), (cancelled, AppointmentStatus.Cancelled)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_staff_cancel_racing_the_patients_confirm_always_ends_cancelled_and_the_patient_is_told(DatabaseProvider provider)
    {
        await using var harness = await StaffClinicAsync(provider);
        var start = TestClinic.Local(2026, 3, 5, 9, 0);
        harness.Clock.SetUtcNow(start.AddHours(-60)); // the confirm window is open
        for (var round = 0; round < 6; round++)
        {
            var id = await harness.BookAsync(Nathan, start.AddMinutes(20 * round));
            var token = Token(harness, id, EmailAction.Confirm);

            // The patient confirms from the reminder's link (no session), while staff cancel from the calendar.
            var confirm = Task.Run(() => harness.SendAsync(new ConfirmFromEmail(token)));
            var cancel = Task.Run(() => harness.SendAsync(new StaffCancelAppointment(id, "Doctor away")));
            var results = await Task.WhenAll(confirm, cancel);

            Keys(results[1]).ShouldBeEmpty();
            var final = await harness.AppointmentAsync(id);
            (final.Status, final.CancelledByParty, final.Sequence).ShouldBe((AppointmentStatus.Cancelled, CancelledBy.Clinic, 1));
            if (results[0].IsFailure)
            {
                // The cancel won: the confirm found it cancelled (its link names the old sequence, or the status says so).
                Keys(results[0]).Single().ShouldBeOneOf(AppointmentsErrors.LinkInvalid, AppointmentsErrors.NoLongerActive);
                final.ConfirmedUtc.ShouldBeNull();
            }

            (await harness.QueuedEmailsAsync()).Count(m => m.AttachmentName == "cancel.ics").ShouldBe(2 * (round + 1));
        }
    }
}
