using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Books a slot from the grid for a profile, as the signed-in account (which needs the Appointments permission for the
/// profile now). The start the browser sends only names the slot: it is looked up again among the free slots under the
/// practitioner's lock, so a made-up time, a past one, one beyond the horizon or one just taken is refused
/// (<see cref="AppointmentsErrors"/>). <paramref name="Emergency"/>: booked from Emergency appointment (the type must be
/// an emergency category). Returns the appointment's id.
/// </summary>
public sealed record BookAppointment(
    Guid ProfileId, Guid AppointmentTypeId, Guid SiteId, Guid PractitionerId, DateTimeOffset StartUtc, string? Reason, bool Emergency = false)
    : IRequest<Result<Guid>>;
