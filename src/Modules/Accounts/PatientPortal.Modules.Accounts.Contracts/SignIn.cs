using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Email and password. Wrong email, wrong password and a locked account all fail the same way.</summary>
public sealed record SignIn(string Email, string Password, string? UserAgent) : IRequest<Result<SignedIn>>;

/// <summary>A new server-side session: the host puts its id in the authentication cookie.</summary>
public sealed record SignedIn(Guid AccountId, Guid SessionId, string Email, string DisplayName, string Role, string Language);
