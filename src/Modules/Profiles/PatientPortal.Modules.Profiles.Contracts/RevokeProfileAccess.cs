using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: a proxy link ends now (reason RevokedByStaff). <paramref name="Version"/> as in
/// <see cref="ChangeProfilePermissions"/>.
/// </summary>
public sealed record RevokeProfileAccess(Guid AccessId, int Version) : IRequest<Result>;
