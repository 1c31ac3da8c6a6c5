using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>Staff only: every field of a clinic record (the patient's notification choices stay theirs).</summary>
public sealed record UpdatePatientProfile(Guid ProfileId, PatientDetails Details) : IRequest<Result>;
