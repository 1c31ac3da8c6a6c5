using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// Checks the session behind a cookie on every request (revoked, idle, too old, or not the cookie's account: refused)
/// and marks it used. Both ids come from the cookie.
/// </summary>
public sealed record TouchSession(Guid SessionId, Guid AccountId) : IRequest<Result<SignedIn>>;
