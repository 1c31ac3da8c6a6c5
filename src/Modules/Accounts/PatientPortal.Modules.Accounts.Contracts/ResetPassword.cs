using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Sets a new password from a reset link (single use, 60 minutes) and signs out every session.</summary>
public sealed record ResetPassword(string Token, string Email, string Password, string ConfirmPassword, string? Pin) : IRequest<Result>;
