using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Appointments;

/// <summary>The guide's colours, always with the words: confirmed green, booked white, cancelled red.</summary>
public static class AppointmentStatusView
{
    public static string CssClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Confirmed or AppointmentStatus.Arrived => "good",
        AppointmentStatus.Cancelled or AppointmentStatus.NoShow => "bad",
        _ => "neutral",
    };

    public static string Key(AppointmentStatus status) => "Appointments.Status." + status;
}
