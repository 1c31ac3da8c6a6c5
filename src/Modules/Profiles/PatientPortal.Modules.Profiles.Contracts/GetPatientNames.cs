using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only (issue 9, the staff calendar): the names and birth dates of the given clinic records, so that another
/// module's staff page can say whose appointment it is. Unknown ids are left out; at most <see cref="MaxIds"/> ids are
/// read. Each profile named is a read in the access trail (security.md F29).
/// </summary>
public sealed record GetPatientNames(IReadOnlyCollection<Guid> ProfileIds) : IRequest<Result<IReadOnlyList<PatientName>>>
{
    public const int MaxIds = 500;
}

public sealed record PatientName(Guid ProfileId, string FirstName, string LastName, DateOnly DateOfBirth);
