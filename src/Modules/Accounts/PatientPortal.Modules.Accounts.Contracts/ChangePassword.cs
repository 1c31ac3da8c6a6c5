using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Old Password, New Password, Confirm: signs out the account's other sessions.</summary>
public sealed record ChangePassword(Guid CurrentSessionId, string OldPassword, string NewPassword, string ConfirmPassword) : IRequest<Result>;
