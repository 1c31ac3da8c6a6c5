using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>Book an appointment, step 1: the specialties with a type patients may book online, for a profile the account may book for.</summary>
public sealed record ListSpecialties(Guid ProfileId) : IRequest<Result<IReadOnlyList<WizardChoice>>>;
