using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Checks the session behind a cookie on every request (revoked, idle or too old: refused) and marks it used.</summary>
public sealed record TouchSession(Guid SessionId) : IRequest<Result<SignedIn>>;
