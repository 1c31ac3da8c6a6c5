using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// The page behind the new address's link: Email + Clinic Code (the code sent to the old address). The account's
/// other sessions end; <paramref name="CurrentSessionId"/>, the browser's own session, is kept only if it is this account's.
/// </summary>
public sealed record ConfirmEmailChange(string Token, string Email, string Code, Guid? CurrentSessionId = null) : IRequest<Result>;
