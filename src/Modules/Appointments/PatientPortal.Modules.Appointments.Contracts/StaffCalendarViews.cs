namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>The staff calendar's span: one clinic day, or the clinic week (Monday to Sunday) that holds the day.</summary>
public enum CalendarSpan
{
    Day,
    Week,
}

/// <summary>
/// One practitioner's appointments (cancelled ones included) and free slots over clinic days
/// <see cref="FirstDay"/> to <see cref="LastDay"/>, soonest first; names in the reader's language.
/// </summary>
public sealed record PractitionerCalendar(
    Guid PractitionerId,
    string PractitionerName,
    bool PractitionerActive,
    DateOnly FirstDay,
    DateOnly LastDay,
    IReadOnlyList<CalendarAppointment> Appointments,
    IReadOnlyList<CalendarSlot> FreeSlots);

/// <summary>
/// One appointment as staff see it. <see cref="PatientName"/>: null when Profiles has no such record.
/// <see cref="CancelledNote"/>: staff's note on a clinic-side cancellation (staff only). <see cref="CanCancel"/>: still
/// active and not started. <see cref="CanRecordAttendance"/>: not cancelled and its clinic day has come.
/// </summary>
public sealed record CalendarAppointment(
    Guid AppointmentId,
    Guid ProfileId,
    string? PatientName,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string TypeName,
    string SiteName,
    AppointmentStatus Status,
    bool CancelledByClinic,
    string? CancelledNote,
    bool CanCancel,
    bool CanRecordAttendance);

/// <summary>A free start at a site, with the types that fit there (their own durations).</summary>
public sealed record CalendarSlot(Guid SiteId, string SiteName, DateTimeOffset StartUtc, IReadOnlyList<CalendarSlotType> Types);

/// <summary>A type staff may book in a slot; <see cref="BookableOnline"/> false: only staff can book it.</summary>
public sealed record CalendarSlotType(Guid AppointmentTypeId, string Name, int DurationMinutes, bool BookableOnline);
