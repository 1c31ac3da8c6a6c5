using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Scheduling;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// Arrived from the appointment's clinic day on (a patient may come early), no-show only once it has started; never
/// for a cancelled appointment. The same mark again changes nothing; the other mark corrects it. Under optimistic
/// concurrency: against a cancel racing it, one wins and the other decides again.
/// </summary>
internal sealed class RecordAttendanceHandler(AppointmentsDbContext db, ICurrentAccount current, SlotFinder slots, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<RecordAttendance, Result>
{
    public async Task<Result> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        return await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == request.AppointmentId, cancellationToken);
            if (appointment is null)
            {
                return Error.NotFound;
            }

            if (appointment.IsCancelled)
            {
                return new Error(AppointmentsErrors.NoLongerActive);
            }

            var now = clock.GetUtcNow();
            if (request.Arrived ? slots.ClinicDay(appointment.StartUtc) > calendar.Today : now < appointment.StartUtc)
            {
                return new Error(AppointmentsErrors.AttendanceTooEarly);
            }

            if (appointment.Status == (request.Arrived ? AppointmentStatus.Arrived : AppointmentStatus.NoShow))
            {
                return Result.Success();
            }

            appointment.RecordAttendance(request.Arrived, now, current.AccountId);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });
    }
}
