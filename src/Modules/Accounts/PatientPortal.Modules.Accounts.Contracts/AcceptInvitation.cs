using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Email, Clinic Code, Password, Confirm Password (and in the Quebec variant a recovery PIN and the privacy policy).</summary>
public sealed record AcceptInvitation(
    string Token,
    string Email,
    string Code,
    string Password,
    string ConfirmPassword,
    string? Pin,
    bool AcceptedPrivacyPolicy) : IRequest<Result<string>>;
