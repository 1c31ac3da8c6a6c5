using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Re-enter the password, then the new email twice: a code goes to the old address, a link to the new one.</summary>
public sealed record RequestEmailChange(string Password, string NewEmail, string ConfirmEmail) : IRequest<Result>;
