using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>Staff only: a new clinic record, linked to no account. Returns its id.</summary>
public sealed record CreatePatientProfile(PatientDetails Details) : IRequest<Result<Guid>>;
