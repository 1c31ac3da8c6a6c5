namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>How an appointment came to be: booked by a patient (routine or emergency) or by staff for the patient.</summary>
internal enum BookingChannel
{
    Portal,
    Emergency,
    Staff,
}

/// <summary>Who cancelled: the patient (portal or email link) or the clinic (the patient is told).</summary>
internal enum CancelledBy
{
    Patient,
    Clinic,
}

/// <summary>
/// One appointment of one profile with one practitioner, at a site, of a type, at an instant (UTC). At most one
/// appointment that is not cancelled starts at a given instant for a practitioner (a unique index), and the booking
/// slice serializes bookings per practitioner so that no two overlap. <see cref="Version"/> makes confirm, cancel and
/// staff actions race to one defined winner; <see cref="Sequence"/> is the calendar file's SEQUENCE.
/// </summary>
internal sealed class Appointment
{
    private Appointment() { }

    public Guid Id { get; private set; }
    public Guid ProfileId { get; private set; }
    public Guid PractitionerId { get; private set; }
    public Guid SiteId { get; private set; }
    public Guid AppointmentTypeId { get; private set; }
    public DateTimeOffset StartUtc { get; private set; }
    public DateTimeOffset EndUtc { get; private set; }

    /// <summary>The patient's own words; shown to the patient and staff, never put in an email or a URL.</summary>
    public string? Reason { get; private set; }

    public AppointmentStatus Status { get; private set; }
    public BookingChannel Channel { get; private set; }
    public Guid BookedBy { get; private set; }
    public DateTimeOffset BookedUtc { get; private set; }
    public DateTimeOffset? ConfirmedUtc { get; private set; }
    public Guid? ConfirmedBy { get; private set; }
    public DateTimeOffset? CancelledUtc { get; private set; }
    public CancelledBy? CancelledByParty { get; private set; }

    /// <summary>The account that cancelled (a patient, a proxy or staff); none when cancelled from an email link.</summary>
    public Guid? CancelledByAccount { get; private set; }

    /// <summary>Staff's short note on a clinic-side cancellation: for staff only, never put in an email or a URL.</summary>
    public string? CancelledNote { get; private set; }

    /// <summary>The staff account that marked the patient arrived or absent.</summary>
    public Guid? AttendanceRecordedBy { get; private set; }

    /// <summary>When the reminder and confirmation request went out (once: set in the same save as the queued emails).</summary>
    public DateTimeOffset? ReminderQueuedUtc { get; private set; }

    public DateTimeOffset? AttendanceRecordedUtc { get; private set; }
    public int Sequence { get; private set; }
    public int Version { get; private set; }

    public bool IsCancelled => Status == AppointmentStatus.Cancelled;

    public static Appointment Book(
        Guid profileId, Guid practitionerId, Guid siteId, AppointmentType type, DateTimeOffset startUtc, string? reason,
        BookingChannel channel, Guid bookedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProfileId = profileId,
        PractitionerId = practitionerId,
        SiteId = siteId,
        AppointmentTypeId = type.Id,
        StartUtc = startUtc,
        EndUtc = startUtc + type.Duration,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        Status = AppointmentStatus.Booked,
        Channel = channel,
        BookedBy = bookedBy,
        BookedUtc = now,
    };

    /// <summary>The patient confirms they will come (only a booked appointment, inside the window: checked by the caller).</summary>
    public void Confirm(Guid? by, DateTimeOffset now)
    {
        Status = AppointmentStatus.Confirmed;
        ConfirmedUtc = now;
        ConfirmedBy = by;
        Version++;
    }

    public void Cancel(CancelledBy party, Guid? by, DateTimeOffset now, string? note = null)
    {
        CancelledNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = AppointmentStatus.Cancelled;
        CancelledUtc = now;
        CancelledByParty = party;
        CancelledByAccount = by;
        Sequence++;
        Version++;
    }

    public void ReminderQueued(DateTimeOffset now)
    {
        ReminderQueuedUtc = now;
        Version++;
    }

    /// <summary>Staff mark the patient arrived or absent, once the appointment has started.</summary>
    public void RecordAttendance(bool arrived, DateTimeOffset now, Guid? by = null)
    {
        AttendanceRecordedBy = by;
        Status = arrived ? AppointmentStatus.Arrived : AppointmentStatus.NoShow;
        AttendanceRecordedUtc = now;
        Version++;
    }
}
