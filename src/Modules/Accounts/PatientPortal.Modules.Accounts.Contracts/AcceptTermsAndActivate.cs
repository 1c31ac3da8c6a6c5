using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// "I have read, understood and accepted the Terms and Conditions", with the password chosen at registration: records
/// the version and time, activates the account and opens a session for it. The password proves that whoever clicks
/// the emailed link is whoever chose it (a re-registration by someone else replaces it).
/// </summary>
public sealed record AcceptTermsAndActivate(string Token, string TermsVersion, string? Password, string? UserAgent) : IRequest<Result<SignedIn>>;
