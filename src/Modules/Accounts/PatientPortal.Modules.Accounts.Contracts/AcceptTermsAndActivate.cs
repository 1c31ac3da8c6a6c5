using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// "I have read, understood and accepted the Terms and Conditions": records the version and time, activates the
/// account and opens a session for it.
/// </summary>
public sealed record AcceptTermsAndActivate(string Token, string TermsVersion, string? UserAgent) : IRequest<Result<SignedIn>>;
