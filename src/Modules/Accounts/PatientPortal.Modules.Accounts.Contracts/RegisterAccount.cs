using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

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

public enum PhoneType
{
    Home,
    Mobile,
    Office,
}
