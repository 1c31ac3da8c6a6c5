using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

public sealed record ListStaffAccounts : IRequest<Result<IReadOnlyList<StaffAccountSummary>>>;

public sealed record StaffAccountSummary(Guid Id, string Email, string Name, string Role);
