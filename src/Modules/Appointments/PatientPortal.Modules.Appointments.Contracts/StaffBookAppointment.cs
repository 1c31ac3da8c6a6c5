using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Staff only: books a free slot of the calendar for a patient record (found with Profiles' SearchPatients). The slot
/// is looked up again among the free slots under the same locks as a patient's booking, so it is never double booked
/// (<see cref="AppointmentsErrors.SlotTaken"/>); a past slot or one beyond the horizon is refused as online. Unlike a
/// patient, staff may book a type that is not bookable online, and beyond the per-profile limit of upcoming bookings.
/// The patient and the proxies are sent the booking confirmation. <paramref name="Reason"/>: optional, for staff and
/// the patient, never in an email. Returns the appointment's id.
/// </summary>
public sealed record StaffBookAppointment(
    Guid ProfileId, Guid AppointmentTypeId, Guid SiteId, Guid PractitionerId, DateTimeOffset StartUtc, string? Reason = null)
    : IRequest<Result<Guid>>;
