using Microsoft.Extensions.Logging;
using PatientPortal.Modules.Appointments.Emails;
using Quartz;

namespace PatientPortal.Modules.Appointments.Jobs;

/// <summary>What one run of <see cref="AppointmentRemindersJob"/> did (for logs and tests).</summary>
internal sealed record ReminderRun(int Reminded, int Skipped, int Failed);

/// <summary>
/// The reminder and confirmation request (issue 9), every few minutes (<c>Appointments:ReminderIntervalMinutes</c>):
/// each booked appointment (not confirmed, not cancelled) whose confirm window has opened and that has not started is
/// reminded once.
/// <para>
/// <b>Exactly once.</b> Each appointment is its own SaveChanges, carrying its reminder emails and
/// <see cref="Appointment.ReminderQueuedUtc"/> together, guarded by its <see cref="Appointment.Version"/>: a process
/// killed between two appointments has saved each one whole or not at all, and the next run (on this node or another)
/// picks up exactly those not saved; a second run racing this one loses on the version and skips. A confirm or cancel
/// racing the reminder wins or loses the same way, and the appointment is decided again on its new state.
/// </para>
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AppointmentRemindersJob(
    AppointmentsDbContext db, AppointmentMail mail, AppointmentWindows windows, TimeProvider clock, ILogger<AppointmentRemindersJob> logger) : IJob
{
    public const int DefaultIntervalMinutes = 5;

    /// <summary>Appointments read per run at most; the next run takes the rest.</summary>
    public const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opensBy = windows.LatestStartWithOpenWindow(now);
        var due = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.ReminderQueuedUtc == null && a.StartUtc > now && a.StartUtc <= opensBy)
            .OrderBy(a => a.StartUtc)
            .Select(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var (reminded, skipped, failed) = (0, 0, 0);
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            db.ChangeTracker.Clear();
            try
            {
                var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
                // Decided again on the row as it is now: another run, a confirm or a cancel may have come since.
                if (appointment is null || appointment.ReminderQueuedUtc is not null || !windows.MayConfirm(appointment, clock.GetUtcNow()))
                {
                    skipped++;
                    continue;
                }

                await mail.QueueReminderAsync(db, appointment, cancellationToken);
                appointment.ReminderQueued(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                reminded++;
            }
            catch (DbUpdateConcurrencyException)
            {
                skipped++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The appointment's id and what failed; never an address.
                logger.LogError("Appointment reminders: appointment {AppointmentId} failed ({Failure}); it is left for the next run", id, ex.GetType().Name);
                failed++;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        if (reminded + failed > 0)
        {
            logger.LogInformation("Appointment reminders: {Reminded} reminded, {Skipped} skipped, {Failed} failed", reminded, skipped, failed);
        }

        return new ReminderRun(reminded, skipped, failed);
    }
}
