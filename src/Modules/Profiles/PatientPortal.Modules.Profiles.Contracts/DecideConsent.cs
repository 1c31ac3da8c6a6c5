using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The person whose own file it is approves (<paramref name="Approve"/>) or declines a pending link to it. Anyone else,
/// or a link no longer pending (the other decision won), gets <see cref="Error.NotFound"/>.
/// </summary>
public sealed record DecideConsent(Guid AccessId, bool Approve) : IRequest<Result>;
