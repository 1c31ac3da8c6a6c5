using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

public enum PhoneType
{
    Home,
    Mobile,
    Office,
}

/// <summary>A patient creates an account from the portal; an activation email follows.</summary>
public sealed record RegisterAccount(
    string Email,
    string ConfirmEmail,
    string Password,
    string ConfirmPassword,
    string FirstName,
    string LastName,
    DateOnly? DateOfBirth,
    string? HealthInsuranceNumber,
    string PrimaryPhone,
    PhoneType PrimaryPhoneType,
    string? SecondaryPhone,
    PhoneType? SecondaryPhoneType,
    string Language) : IRequest<Result<Guid>>;

/// <summary>Sends a new activation email to an account that is not activated yet (asked from the login page, after a correct password).</summary>
public sealed record ResendActivation(string Email, string Password) : IRequest<Result>;

/// <summary>What the Terms and Conditions page needs to know about an activation link.</summary>
public sealed record GetActivation(string Token) : IRequest<Result<ActivationView>>;

public sealed record ActivationView(string Email, string TermsVersion);

/// <summary>
/// "I have read, understood and accepted the Terms and Conditions": records the version and time, activates the
/// account and opens a session for it.
/// </summary>
public sealed record AcceptTermsAndActivate(string Token, string TermsVersion, string? UserAgent) : IRequest<Result<SignedIn>>;
