namespace PatientPortal.Modules.Appointments;

/// <summary>The clinic's appointment policy, the "Appointments" configuration section; the defaults are the guide's.</summary>
internal sealed class AppointmentsOptions
{
    public const string Section = "Appointments";

    /// <summary>A booked appointment can be confirmed from this long before its start (the guide: 72 hours).</summary>
    public int ConfirmWindowHours { get; set; } = 72;

    /// <summary>Patients can cancel online until this long before the start (the guide: 48 hours); then they call.</summary>
    public int CancelUntilHours { get; set; } = 48;

    /// <summary>How far ahead patients may book, in days.</summary>
    public int BookingHorizonDays { get; set; } = 90;

    /// <summary>Upcoming bookings a profile may hold at once (booked or confirmed, not yet started).</summary>
    public int MaxUpcomingPerProfile { get; set; } = 4;

    /// <summary>The reason's length limit; the French guide's screenshot shows "82 / 140".</summary>
    public int ReasonMaxLength { get; set; } = 140;
}
