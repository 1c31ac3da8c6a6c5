using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>The signed-in account's two-step verification: which factor, recovery codes left, trusted browsers.</summary>
public sealed record GetSecondFactor : IRequest<Result<SecondFactorView>>;

/// <param name="Method">A <see cref="SecondFactorMethods"/> value, or null when off.</param>
/// <param name="Required">Staff and admins must keep the authenticator app on.</param>
public sealed record SecondFactorView(string? Method, bool Required, int RecoveryCodesLeft, IReadOnlyList<TrustedBrowserView> TrustedBrowsers);

public sealed record TrustedBrowserView(Guid Id, string? UserAgent, DateTimeOffset TrustedUtc, DateTimeOffset ExpiresUtc);
