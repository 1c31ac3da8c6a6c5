using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: a patient asked to connect a child's record whose guardian on file is not them. <paramref name="Approve"/>:
/// the account acts for the child with <paramref name="Tabs"/>; otherwise nothing is granted. The requester is emailed
/// either way. Decided once: a second decision gets <see cref="ProfilesErrors.AlreadyDecided"/>.
/// </summary>
public sealed record DecideConnectionRequest(Guid RequestId, bool Approve, ProfileTabs Tabs = ProfileTabs.All) : IRequest<Result>;
