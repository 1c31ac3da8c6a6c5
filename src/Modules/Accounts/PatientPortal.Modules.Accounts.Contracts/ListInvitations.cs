using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

public sealed record ListInvitations : IRequest<Result<IReadOnlyList<InvitationSummary>>>;

public sealed record InvitationSummary(Guid Id, string Email, string FirstName, string LastName, InvitationState State, DateTimeOffset SentUtc, DateTimeOffset ExpiresUtc);

public enum InvitationState
{
    Sent,
    Expired,
    Locked,
    Used,
}
