using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

public enum InvitationState
{
    Sent,
    Expired,
    Locked,
    Used,
}

/// <summary>Staff invite a patient to the portal. Returns the clinic code so staff can also give it by phone.</summary>
public sealed record InvitePatient(
    string Email,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string? HealthCardNumber,
    string? ClinicPatientId,
    string Language) : IRequest<Result<InvitationSent>>;

/// <summary>The code is shown once, to staff; in the Quebec variant it is the card's last 4 digits or the date of birth, and not shown.</summary>
public sealed record InvitationSent(Guid InvitationId, string? ClinicCode);

/// <summary>Re-sending replaces the old code and link, and unlocks the invitation.</summary>
public sealed record ResendInvitation(Guid InvitationId) : IRequest<Result<InvitationSent>>;

public sealed record ListInvitations : IRequest<Result<IReadOnlyList<InvitationSummary>>>;

public sealed record InvitationSummary(Guid Id, string Email, string FirstName, string LastName, InvitationState State, DateTimeOffset SentUtc, DateTimeOffset ExpiresUtc);

/// <summary>What the invitation form needs: whether it is the Quebec variant (PIN and privacy policy).</summary>
public sealed record GetInvitation(string Token) : IRequest<Result<InvitationView>>;

public sealed record InvitationView(bool QuebecVariant, bool CodeIsDateOfBirth);

/// <summary>Email, Clinic Code, Password, Confirm Password (and in the Quebec variant a recovery PIN and the privacy policy).</summary>
public sealed record AcceptInvitation(
    string Token,
    string Email,
    string Code,
    string Password,
    string ConfirmPassword,
    string? Pin,
    bool AcceptedPrivacyPolicy) : IRequest<Result<string>>;

/// <summary>An admin adds a staff member (role Staff or Admin); they choose their password from an emailed link.</summary>
public sealed record CreateStaffAccount(string Email, string FirstName, string LastName, string Role, string Language) : IRequest<Result<Guid>>;

public sealed record ListStaffAccounts : IRequest<Result<IReadOnlyList<StaffAccountSummary>>>;

public sealed record StaffAccountSummary(Guid Id, string Email, string Name, string Role);
