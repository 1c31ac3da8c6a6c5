using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// The Confirm Appointment page: what would be booked (practitioner, site's address and phone, type and duration), for
/// ids the wizard carried; every one is checked again (the slot itself is checked when it is booked).
/// </summary>
public sealed record GetBookingSummary(Guid ProfileId, Guid AppointmentTypeId, Guid SiteId, Guid PractitionerId, bool Emergency = false)
    : IRequest<Result<BookingSummary>>;

/// <summary>The names the Confirm Appointment page shows before booking.</summary>
public sealed record BookingSummary(string PractitionerName, string? SpecialtyName, SiteView Site, string TypeName, int DurationMinutes);
