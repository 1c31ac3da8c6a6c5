using Microsoft.Extensions.Options;

namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>
/// The guide's windows, computed on the server against UTC instants (a 72-hour window is 72 real hours, whatever the
/// clocks do in between): confirm from 72 h before the start until the start; cancel online until 48 h before.
/// </summary>
internal sealed class AppointmentWindows(IOptions<AppointmentsOptions> options)
{
    private TimeSpan ConfirmWindow => TimeSpan.FromHours(options.Value.ConfirmWindowHours);
    private TimeSpan CancelUntil => TimeSpan.FromHours(options.Value.CancelUntilHours);

    public DateTimeOffset ConfirmOpensAt(Appointment appointment) => appointment.StartUtc - ConfirmWindow;

    /// <summary>The latest start whose confirm window is open at <paramref name="now"/> (the reminder job's horizon).</summary>
    public DateTimeOffset LatestStartWithOpenWindow(DateTimeOffset now) => now + ConfirmWindow;

    /// <summary>"This appointment cannot be cancelled after ..." (shown in clinic time).</summary>
    public DateTimeOffset CancelDeadline(Appointment appointment) => appointment.StartUtc - CancelUntil;

    public bool MayConfirm(Appointment appointment, DateTimeOffset now) =>
        appointment.Status == AppointmentStatus.Booked && now >= ConfirmOpensAt(appointment) && now < appointment.StartUtc;

    public bool MayCancel(Appointment appointment, DateTimeOffset now) =>
        appointment.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed && now <= CancelDeadline(appointment);
}
