using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// Staff only: the active patient account that signs in with <paramref name="Email"/>, for Profiles to attach a record
/// to it. Fails with <see cref="AccountErrors.PatientAccountNotFound"/> when no active patient account has that
/// address (a staff account, or a registration nobody activated, is not one).
/// </summary>
public sealed record FindPatientAccount(string Email) : IRequest<Result<Guid>>;
