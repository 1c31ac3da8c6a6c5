using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>The dashboard's "Sign-in Details" for the signed-in account.</summary>
public sealed record GetSignInDetails : IRequest<Result<SignInDetails>>;

public sealed record SignInDetails(string Email, DateTimeOffset PasswordChangedUtc, string? PendingEmail);
