using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Emails a 6-digit code (10 minutes) to the signed-in account, to turn on sign-in codes by email with it.</summary>
public sealed record StartEmailCodeSetUp : IRequest<Result>;
