using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>The code step skipped by a browser the patient chose to trust for 30 days (never for staff).</summary>
public sealed record SignInFromTrustedBrowser(string ChallengeToken, string BrowserToken, string? UserAgent) : IRequest<Result<SignedIn>>
{
    /// <summary>The browser's <see cref="SignedIn.KnownDeviceToken"/>, if it has one.</summary>
    public string? KnownDevice { get; init; }
}
