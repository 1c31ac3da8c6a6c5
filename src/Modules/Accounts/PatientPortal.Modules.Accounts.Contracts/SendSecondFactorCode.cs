using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>With the email factor on: emails a code to confirm turning it off or making new recovery codes.</summary>
public sealed record SendSecondFactorCode : IRequest<Result>;
