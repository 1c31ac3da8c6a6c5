using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>Step 2: the practitioners of a specialty, the profile's assigned practitioner first, then by name.</summary>
public sealed record ListPractitioners(Guid ProfileId, Guid SpecialtyId) : IRequest<Result<IReadOnlyList<WizardChoice>>>;
