using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>"Forgot your password?": the answer is the same whether or not the account exists.</summary>
public sealed record ForgotPassword(string Email) : IRequest<Result>;

/// <summary>Whether a reset link is still usable, and whether the form must ask for the recovery PIN.</summary>
public sealed record GetPasswordReset(string Token) : IRequest<Result<PasswordResetView>>;

public sealed record PasswordResetView(bool RequiresPin);

/// <summary>Sets a new password from a reset link (single use, 60 minutes) and signs out every session.</summary>
public sealed record ResetPassword(string Token, string Email, string Password, string ConfirmPassword, string? Pin) : IRequest<Result>;

/// <summary>The dashboard's "Sign-in Details" for the signed-in account.</summary>
public sealed record GetSignInDetails : IRequest<Result<SignInDetails>>;

public sealed record SignInDetails(string Email, DateTimeOffset PasswordChangedUtc, string? PendingEmail);

/// <summary>Old Password, New Password, Confirm: signs out the account's other sessions.</summary>
public sealed record ChangePassword(Guid CurrentSessionId, string OldPassword, string NewPassword, string ConfirmPassword) : IRequest<Result>;

/// <summary>Re-enter the password, then the new email twice: a code goes to the old address, a link to the new one.</summary>
public sealed record RequestEmailChange(string Password, string NewEmail, string ConfirmEmail) : IRequest<Result>;

/// <summary>The page behind the new address's link: Email + Clinic Code (the code sent to the old address).</summary>
public sealed record ConfirmEmailChange(string Token, string Email, string Code) : IRequest<Result>;
