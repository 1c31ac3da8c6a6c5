using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// A communication's page (/inbox/{id}, also the emails' link): for an account that may open its category for its
/// profile now; otherwise <see cref="InboxErrors.NotFound"/> (and the refusal is on the access trail). Opening it
/// marks it read for that profile (for every account acting for it) and records the read (F29).
/// </summary>
public sealed record GetThread(Guid CommunicationId) : IRequest<Result<ThreadView>>;
