using MediatR;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Another module's read of a profile's file, for the access trail that Profiles keeps (security.md F29, ADR 0014):
/// who (<paramref name="ReaderAccountId"/>: the session's account, or the account an email link was sent to), which
/// profile, what (a short fixed name such as "appointment"; never content), and whether it was allowed (a refused id
/// of another family is recorded too). Profiles adds the capacity (Self, proxy, or staff when
/// <paramref name="ByStaff"/>) and the time. <paramref name="ObjectId"/>: the one thing read, by id (an appointment, a
/// communication, an attachment; review L9), or null for a list. Modules only: a module records its own reads.
/// </summary>
[ModulesOnly]
public sealed record RecordProfileRead(Guid ReaderAccountId, Guid ProfileId, string What, bool Allowed, bool ByStaff = false, Guid? ObjectId = null) : IRequest<Unit>;
