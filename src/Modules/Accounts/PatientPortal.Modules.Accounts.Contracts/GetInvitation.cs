using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>What the invitation form needs: whether it is the Quebec variant (PIN and privacy policy).</summary>
public sealed record GetInvitation(string Token) : IRequest<Result<InvitationView>>;

public sealed record InvitationView(bool QuebecVariant, bool CodeIsDateOfBirth);
