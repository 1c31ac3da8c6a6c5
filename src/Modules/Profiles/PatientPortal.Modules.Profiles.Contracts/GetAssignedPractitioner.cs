using MediatR;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The practitioner the clinic assigned to a profile (the booking wizard lists them first), for an account that may
/// act for that profile's Appointments now; null otherwise, or when none is assigned. Only the id: Appointments names it.
/// </summary>
public sealed record GetAssignedPractitioner(Guid ProfileId) : IRequest<Guid?>;
