using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// The code step of a sign-in: the challenge token from the password step and a code (authenticator, emailed, or a
/// recovery code). Opens the session; a wrong code counts toward the lockout. Staff are never given a trusted browser.
/// </summary>
public sealed record VerifySignInCode(string ChallengeToken, string Code, bool TrustThisBrowser, string? UserAgent) : IRequest<Result<SignedIn>>
{
    /// <summary>The browser's <see cref="SignedIn.KnownDeviceToken"/>, if it has one.</summary>
    public string? KnownDevice { get; init; }
}
