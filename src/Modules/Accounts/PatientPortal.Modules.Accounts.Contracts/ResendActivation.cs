using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Sends a new activation email to an account that is not activated yet (asked from the login page, after a correct password).</summary>
public sealed record ResendActivation(string Email, string Password) : IRequest<Result>;
