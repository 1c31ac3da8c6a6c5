using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The requests for consent to the signed-in account's own file: the links to its own (Self) profile that wait for its
/// approval, with the requester's name. Never another account's.
/// </summary>
public sealed record ListConsentRequests : IRequest<Result<IReadOnlyList<ConsentRequest>>>;

/// <summary>One pending link to my file: who asks (their own profile's name), as what, for which tabs.</summary>
public sealed record ConsentRequest(Guid AccessId, string RequesterFirstName, string RequesterLastName, Relationship Relationship, ProfileTabs Tabs);
