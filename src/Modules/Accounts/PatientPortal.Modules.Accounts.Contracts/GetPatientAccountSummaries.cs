using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// Staff only: what staff need to judge whether a patient account is the person it claims to be (Profiles' queue of
/// likely record matches): its sign-in email, when it was created and whether it was activated. Only patient accounts;
/// ids that are not one (a staff account, an unknown id) are simply absent from the answer. Only the first
/// <see cref="MaxIds"/> distinct ids are looked up (more than the staff queue shows).
/// </summary>
public sealed record GetPatientAccountSummaries(IReadOnlyCollection<Guid> AccountIds) : IRequest<Result<IReadOnlyList<PatientAccountSummary>>>
{
    public const int MaxIds = 500;
}

public sealed record PatientAccountSummary(Guid AccountId, string Email, DateTimeOffset CreatedUtc, DateTimeOffset? ActivatedUtc);
