using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>An admin adds a staff member (role Staff or Admin); they choose their password from an emailed link.</summary>
public sealed record CreateStaffAccount(string Email, string FirstName, string LastName, string Role, string Language) : IRequest<Result<Guid>>;
