using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>Step 3: the sites where a practitioner of the specialty works. An unknown pair is "not found".</summary>
public sealed record ListPractitionerSites(Guid ProfileId, Guid SpecialtyId, Guid PractitionerId) : IRequest<Result<IReadOnlyList<WizardChoice>>>;
