using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Re-sending replaces the old code and link, and unlocks the invitation.</summary>
public sealed record ResendInvitation(Guid InvitationId) : IRequest<Result<InvitationSent>>;
