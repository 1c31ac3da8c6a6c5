using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Appointments.Jobs;

namespace PatientPortal.Modules.Appointments.Tests.Emails;

/// <summary>
/// Issue 9 and security.md E27: the reminder and confirmation request goes out once per appointment when its 72-hour
/// window opens, whoever runs the job how often, and a run that dies half-way loses nothing and sends nothing twice.
/// </summary>
public sealed class AppointmentRemindersJobTests
{
    private static readonly Guid Nathan = Guid.Parse("f0000000-0000-0000-0000-000000000002");

    private static async Task<ReminderRun> RunAsync(AppointmentsHarness harness, CancellationToken cancellationToken = default)
    {
        using var scope = harness.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppointmentRemindersJob>().RunAsync(cancellationToken);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_booked_appointment_is_reminded_once_when_its_window_opens_and_never_again(DatabaseProvider provider)
    {
        await using var harness = await AppointmentEmailTests.ClinicAsync(provider);
        harness.Current.AccountId = null; // the job runs with nobody signed in
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var due = await harness.BookAsync(Nathan, start);
        var notYet = await harness.BookAsync(Nathan, start.AddHours(24));
        var confirmed = await harness.BookAsync(Nathan, start.AddMinutes(20), then: a => a.Confirm(null, AppointmentsHarness.Start));
        var cancelled = await harness.BookAsync(Nathan, start.AddMinutes(40), then: a => a.Cancel(CancelledBy.Clinic, null, AppointmentsHarness.Start));
        harness.Clock.SetUtcNow(start.AddHours(-72).AddSeconds(-1));
        var before = await RunAsync(harness);

        harness.Clock.SetUtcNow(start.AddHours(-72));
        var first = await RunAsync(harness);
        var second = await RunAsync(harness);

        (before.Reminded, first.Reminded, second.Reminded).ShouldBe((0, 1, 0));
        var mails = await harness.QueuedEmailsAsync();
        mails.Select(m => m.To).OrderBy(t => t).ShouldBe(["heather@example.test", "nathan@example.test"]);
        var english = mails.Single(m => m.Culture == "en-CA");
        english.Subject.ShouldStartWith("Please confirm your appointment");
        mails.Single(m => m.Culture == "fr-CA").Subject.ShouldStartWith("Veuillez confirmer votre rendez-vous");
        english.TextBody.ShouldNotContain("Check-up");
        (await harness.AppointmentAsync(due)).ReminderQueuedUtc.ShouldBe(start.AddHours(-72));
        (await harness.AppointmentAsync(notYet)).ReminderQueuedUtc.ShouldBeNull();
        (await harness.AppointmentAsync(confirmed)).ReminderQueuedUtc.ShouldBeNull();
        (await harness.AppointmentAsync(cancelled)).ReminderQueuedUtc.ShouldBeNull();

        // The reminder's Confirm link confirms it.
        var token = AppointmentEmailTests.TokenOf(english, "/appointments/email/confirm");
        (await harness.SendAsync(new ConfirmFromEmail(token))).IsSuccess.ShouldBeTrue();
        (await harness.AppointmentAsync(due)).Status.ShouldBe(AppointmentStatus.Confirmed);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_run_killed_after_some_appointments_loses_none_and_the_next_run_sends_none_twice(DatabaseProvider provider)
    {
        await using var harness = await AppointmentEmailTests.ClinicAsync(provider);
        harness.Current.AccountId = null;
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await harness.BookAsync(Nathan, start.AddMinutes(20 * i)));
        }

        harness.Clock.SetUtcNow(start.AddHours(-70));
        using var dying = new CancellationTokenSource();
        var saves = 0;
        ReminderRun? interrupted = null;
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            using var scope = harness.Services.CreateScope();
            // The process "dies" right after the second appointment's save: nothing of the third is written.
            scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().SavedChanges += (_, _) =>
            {
                if (++saves == 2)
                {
                    dying.Cancel();
                }
            };
            interrupted = await scope.ServiceProvider.GetRequiredService<AppointmentRemindersJob>().RunAsync(dying.Token);
        });
        var afterCrash = await harness.QueuedEmailsAsync();
        var rerun = await RunAsync(harness);
        var again = await RunAsync(harness);

        interrupted.ShouldBeNull();
        afterCrash.Count.ShouldBe(4, "two appointments, two recipients each, saved whole");
        (rerun.Reminded, again.Reminded).ShouldBe((3, 0));
        var mails = await harness.QueuedEmailsAsync();
        mails.Count.ShouldBe(10);
        foreach (var id in ids)
        {
            (await harness.AppointmentAsync(id)).ReminderQueuedUtc.ShouldNotBeNull();
        }

        mails.GroupBy(m => (m.To, AppointmentEmailTests.TokenOf(m, "/appointments/email/confirm"))).ShouldAllBe(g => g.Count() == 1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_runs_at_once_remind_each_appointment_once(DatabaseProvider provider)
    {
        await using var harness = await AppointmentEmailTests.ClinicAsync(provider);
        harness.Current.AccountId = null;
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        for (var i = 0; i < 6; i++)
        {
            await harness.BookAsync(Nathan, start.AddMinutes(20 * i));
        }

        harness.Clock.SetUtcNow(start.AddHours(-70));
        var runs = await Task.WhenAll(Task.Run(() => RunAsync(harness)), Task.Run(() => RunAsync(harness)));

        runs.Sum(r => r.Reminded).ShouldBe(6);
        (await harness.QueuedEmailsAsync()).Count.ShouldBe(12);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_reminders_turned_off_the_appointment_is_marked_and_nothing_is_sent(DatabaseProvider provider)
    {
        await using var harness = await AppointmentEmailTests.ClinicAsync(provider);
        harness.Current.AccountId = null;
        harness.Recipients.TurnOff(Nathan, NotificationKind.Reminders);
        var start = TestClinic.Local(2026, 3, 12, 9, 0);
        var id = await harness.BookAsync(Nathan, start);
        harness.Clock.SetUtcNow(start.AddHours(-70));

        (await RunAsync(harness)).Reminded.ShouldBe(1);

        (await harness.QueuedEmailsAsync()).ShouldBeEmpty();
        (await harness.AppointmentAsync(id)).ReminderQueuedUtc.ShouldNotBeNull();
    }
}
