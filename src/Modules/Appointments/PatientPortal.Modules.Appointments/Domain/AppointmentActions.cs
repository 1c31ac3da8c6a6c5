namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>
/// A patient's confirm and cancel, from the portal or from an email link: the same windows and the same state rules,
/// written once. The caller has found the appointment and authorized the action (a signed-in account's permission, or
/// the email link's token).
/// </summary>
internal static class AppointmentActions
{
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
        await mail.QueueCancelledAsync(db, appointment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
