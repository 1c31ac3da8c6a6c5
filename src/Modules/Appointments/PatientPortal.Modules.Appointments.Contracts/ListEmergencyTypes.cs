using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>Emergency appointment, step 2: the emergency types offered at a site, with the guide's descriptions.</summary>
public sealed record ListEmergencyTypes(Guid ProfileId, Guid SiteId) : IRequest<Result<IReadOnlyList<WizardChoice>>>;
