using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// The Appointments tab for one profile (the selected one): its upcoming appointments and its history. The signed-in
/// account needs the Appointments permission for that profile now; otherwise "not found".
/// </summary>
public sealed record ListAppointments(Guid ProfileId) : IRequest<Result<AppointmentLists>>;

/// <summary>
/// The dashboard's Upcoming Appointments: every profile the signed-in account may book for now, with a For column.
/// </summary>
public sealed record ListUpcomingForMyProfiles : IRequest<Result<IReadOnlyList<AppointmentRow>>>;

/// <summary>One appointment's details, for an account that may act for its profile's Appointments now.</summary>
public sealed record GetAppointment(Guid AppointmentId) : IRequest<Result<AppointmentDetails>>;

/// <summary>
/// The patient confirms an appointment from the portal: only while it is booked, from 72 hours before its start
/// (<see cref="AppointmentsErrors.ConfirmNotYetOpen"/>), never a cancelled one (<see cref="AppointmentsErrors.NoLongerActive"/>).
/// </summary>
public sealed record ConfirmAppointment(Guid AppointmentId) : IRequest<Result>;

/// <summary>
/// The patient cancels from the portal: only until 48 hours before its start (<see cref="AppointmentsErrors.CancelWindowClosed"/>:
/// call the clinic). The practitioner's time is free again at once; everyone concerned is told.
/// </summary>
public sealed record CancelAppointment(Guid AppointmentId) : IRequest<Result>;
