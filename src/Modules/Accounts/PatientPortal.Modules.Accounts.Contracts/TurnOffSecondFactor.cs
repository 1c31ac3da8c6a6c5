using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Turns two-step verification off (patients only), against a code from the factor or a recovery code.</summary>
public sealed record TurnOffSecondFactor(string Code) : IRequest<Result>;
