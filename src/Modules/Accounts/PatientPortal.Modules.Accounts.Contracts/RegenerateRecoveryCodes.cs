using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Ten new recovery codes (the old ones stop working), against a code from the second factor or a recovery code.</summary>
public sealed record RegenerateRecoveryCodes(string Code) : IRequest<Result<IReadOnlyList<string>>>;
