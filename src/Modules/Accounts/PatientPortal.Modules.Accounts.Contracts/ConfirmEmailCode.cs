using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>The emailed code turns on sign-in codes by email (patients only) and makes ten recovery codes.</summary>
public sealed record ConfirmEmailCode(Guid CurrentSessionId, string Code) : IRequest<Result<SecondFactorTurnedOn>>;
