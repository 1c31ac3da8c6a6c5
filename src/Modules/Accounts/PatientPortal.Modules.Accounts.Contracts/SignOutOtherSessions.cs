using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>"Sign out of all other sessions": every session of the signed-in account but this one ends.</summary>
public sealed record SignOutOtherSessions(Guid CurrentSessionId) : IRequest<Result>;
