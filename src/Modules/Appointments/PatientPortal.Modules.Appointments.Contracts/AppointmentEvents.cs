using PatientPortal.BuildingBlocks.Messaging;

namespace PatientPortal.Modules.Appointments.Contracts;

// What happened to an appointment, for the modules that keep their own view of it (Activity's timeline, ADR 0018).
// Ids and instants only: no type, practitioner, site or reason, which are health details the reader of a line may not
// be allowed to see; a consumer that needs more asks Appointments through a request that authorizes the reader.

/// <summary>An appointment was booked for the profile, by the patient or a proxy (<paramref name="ByClinic"/> false) or by staff.</summary>
public sealed record AppointmentBooked(Guid AppointmentId, Guid ProfileId, DateTimeOffset StartUtc, bool ByClinic) : IntegrationEvent;

/// <summary>The patient (portal or email link) confirmed they will come.</summary>
public sealed record AppointmentConfirmed(Guid AppointmentId, Guid ProfileId, DateTimeOffset StartUtc) : IntegrationEvent;

/// <summary>The appointment was cancelled by the patient (portal or email link) or by the clinic (<paramref name="ByClinic"/>).</summary>
public sealed record AppointmentCancelled(Guid AppointmentId, Guid ProfileId, DateTimeOffset StartUtc, bool ByClinic) : IntegrationEvent;
