using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>
/// A patient's confirm and cancel, from the portal or from an email link: the same windows and the same state rules,
/// written once. The caller has found the appointment and authorized the action (a signed-in account's permission, or
/// the email link's token).
/// </summary>
internal static class AppointmentActions
{
    /// <summary>
    /// The appointment, tracked, when the signed-in account may act for its profile's Appointments now; otherwise null
    /// (the caller answers "not found", the same for another family's id as for none), and a refusal of an existing
    /// appointment is on the trail as <paramref name="what"/>.
    /// </summary>
    public static async Task<Appointment?> FindForSignedInAsync(
        AppointmentsDbContext db, IMediator mediator, ReadTrail trail, Guid appointmentId, string what, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null || await mediator.Send(new MayActFor(appointment.ProfileId, ProfileTabs.Appointments), cancellationToken))
        {
            return appointment;
        }

        await trail.RecordAsync(appointment.ProfileId, what, appointment.Id, allowed: false, cancellationToken);
        return null;
    }

    public static async Task<Result> ConfirmAsync(
        AppointmentsDbContext db, Appointment appointment, Guid? by, AppointmentWindows windows, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (appointment.Status)
        {
            case AppointmentStatus.Confirmed:
                return Result.Success(); // a second click, or a second email link: already done
            case not AppointmentStatus.Booked:
                return new Error(AppointmentsErrors.NoLongerActive);
        }

        if (!windows.MayConfirm(appointment, now))
        {
            return new Error(now >= appointment.StartUtc ? AppointmentsErrors.NoLongerActive : AppointmentsErrors.ConfirmNotYetOpen);
        }

        appointment.Confirm(by, now);
        db.Publish(new AppointmentConfirmed(appointment.Id, appointment.ProfileId, appointment.StartUtc), clock);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Cancels for the patient, and queues the cancellation notice (with its calendar file) in the same save.</summary>
    public static async Task<Result> CancelAsync(
        AppointmentsDbContext db, Appointment appointment, Guid? by, AppointmentWindows windows, Emails.AppointmentMail mail, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.Confirmed))
        {
            return new Error(AppointmentsErrors.NoLongerActive);
        }

        if (!windows.MayCancel(appointment, now))
        {
            return new Error(AppointmentsErrors.CancelWindowClosed);
        }

        appointment.Cancel(CancelledBy.Patient, by, now);
        db.Publish(new AppointmentCancelled(appointment.Id, appointment.ProfileId, appointment.StartUtc, ByClinic: false), clock);
        await mail.QueueCancelledAsync(db, appointment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
