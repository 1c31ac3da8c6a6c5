using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The person whose own file it is removes someone's access to it (an adult, or a teen removing a parent): the link is
/// revoked (RevokedByPatient) and stops working on the next request. Another account's link: <see cref="Error.NotFound"/>.
/// </summary>
public sealed record RevokeMyProxy(Guid AccessId) : IRequest<Result>;
