namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Where an appointment stands. The guide colours them: confirmed green, booked but not confirmed white, cancelled red;
/// the portal also says it in words. Arrived and no-show are set by staff and feed the history.
/// </summary>
public enum AppointmentStatus
{
    Booked,
    Confirmed,
    Cancelled,
    Arrived,
    NoShow,
}

/// <summary>The guide's two emergency categories; <see cref="None"/> for a routine type.</summary>
public enum EmergencyCategory
{
    None,

    /// <summary>"For consultations regarding one issue only (e.g. flu, ear infection)".</summary>
    Minor,

    /// <summary>"For consultations regarding multiple issues or for mental health".</summary>
    Complex,
}
