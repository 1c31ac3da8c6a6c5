using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>The page behind the new address's link: Email + Clinic Code (the code sent to the old address).</summary>
public sealed record ConfirmEmailChange(string Token, string Email, string Code) : IRequest<Result>;
