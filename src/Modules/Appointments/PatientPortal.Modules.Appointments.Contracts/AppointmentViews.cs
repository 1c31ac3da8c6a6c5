namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// One line of a table (Appointments tab, dashboard): the guide's Date, Doctor (name and specialty), Site, plus the
/// status the row is coloured by, and, on the dashboard, whom it is for (<see cref="ForName"/>). Names are in the
/// reader's language.
/// </summary>
public sealed record AppointmentRow(
    Guid AppointmentId,
    Guid ProfileId,
    DateTimeOffset StartUtc,
    string PractitionerName,
    string? SpecialtyName,
    string SiteName,
    AppointmentStatus Status,
    string? ForName = null);

/// <summary>The Appointments tab of one profile: upcoming (soonest first) and history (latest first).</summary>
public sealed record AppointmentLists(IReadOnlyList<AppointmentRow> Upcoming, IReadOnlyList<AppointmentRow> History);

/// <summary>A site as the details and the confirmation page show it: name, address and phone, or a virtual site.</summary>
public sealed record SiteView(Guid SiteId, string Name, string? AddressLine, string? City, string? Province, string? PostalCode, string? Phone, bool IsVirtual);

/// <summary>
/// An appointment's details: practitioner, site, date, type and duration, the visit-specific message, and what the
/// patient may do now. <see cref="CanConfirm"/> only inside the confirmation window; <see cref="CanCancel"/> only until
/// <see cref="CancelDeadlineUtc"/> ("This appointment cannot be cancelled after ...").
/// </summary>
public sealed record AppointmentDetails(
    Guid AppointmentId,
    Guid ProfileId,
    string PractitionerName,
    string? SpecialtyName,
    SiteView Site,
    DateTimeOffset StartUtc,
    string TypeName,
    int DurationMinutes,
    string? VisitMessage,
    string? Reason,
    AppointmentStatus Status,
    bool CanConfirm,
    DateTimeOffset ConfirmOpensUtc,
    bool CanCancel,
    DateTimeOffset CancelDeadlineUtc);
