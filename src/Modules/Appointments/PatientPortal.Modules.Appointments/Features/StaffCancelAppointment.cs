using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Emails;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class StaffCancelAppointmentValidator : AbstractValidator<StaffCancelAppointment>
{
    public StaffCancelAppointmentValidator()
    {
        RuleFor(r => r.Note).Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode(AppointmentsErrors.CancelNoteRequired);
        RuleFor(r => r.Note).Must(n => n is null || n.Trim().Length <= StaffCancelAppointment.NoteMaxLength).WithErrorCode(AppointmentsErrors.CancelNoteTooLong);
    }
}

/// <summary>
/// Cancels for the clinic under optimistic concurrency, as the patient's confirm and cancel: against a patient's confirm
/// racing it, whichever saves first wins and the other decides again on the new state, so it always ends cancelled (a
/// confirm that lost finds it cancelled and is refused). The notice and its calendar file are queued in the same save.
/// </summary>
internal sealed class StaffCancelAppointmentHandler(AppointmentsDbContext db, ICurrentAccount current, AppointmentMail mail, TimeProvider clock)
    : IRequestHandler<StaffCancelAppointment, Result>
{
    public async Task<Result> Handle(StaffCancelAppointment request, CancellationToken cancellationToken)
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
                return Result.Success(); // a second click, or the patient cancelled meanwhile: cancelled either way, told once
            }

            var now = clock.GetUtcNow();
            if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.Confirmed) || now >= appointment.StartUtc)
            {
                return new Error(AppointmentsErrors.AlreadyStarted);
            }

            appointment.Cancel(CancelledBy.Clinic, current.AccountId, now, request.Note);
            db.Publish(new AppointmentCancelled(appointment.Id, appointment.ProfileId, appointment.StartUtc, ByClinic: true), clock);
            await mail.QueueCancelledAsync(db, appointment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });
    }
}
