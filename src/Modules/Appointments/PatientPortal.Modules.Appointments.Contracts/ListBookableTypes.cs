using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Step 4: the routine types of the specialty that patients may book online and that the practitioner's schedule offers
/// at that site.
/// </summary>
public sealed record ListBookableTypes(Guid ProfileId, Guid SpecialtyId, Guid PractitionerId, Guid SiteId) : IRequest<Result<IReadOnlyList<WizardChoice>>>;
