using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: the tabs a proxy link opens. <paramref name="Version"/> is the link's version as staff saw it
/// (<see cref="PatientLink.Version"/>): when it changed meanwhile, nothing is saved (<see cref="ProfilesErrors.ChangedMeanwhile"/>).
/// </summary>
public sealed record ChangeProfilePermissions(Guid AccessId, ProfileTabs Tabs, int Version) : IRequest<Result>;
