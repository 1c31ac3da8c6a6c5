using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

public sealed record ListStaffAccounts : IRequest<Result<IReadOnlyList<StaffAccountSummary>>>;

public sealed record StaffAccountSummary(Guid Id, string Email, string Name, string Role)
{
    /// <summary>The staff member's authenticator app is set up (an admin may reset it for them).</summary>
    public bool AuthenticatorOn { get; init; }
}
