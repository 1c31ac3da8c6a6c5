using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// Sets a new password from a reset link (single use, 60 minutes) and signs out every session. With an authenticator
/// app on, <paramref name="Code"/> (from the app, or a recovery code) is needed too.
/// </summary>
public sealed record ResetPassword(string Token, string Email, string Password, string ConfirmPassword, string? Pin, string? Code = null) : IRequest<Result>;
