using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Audit.Contracts;

/// <summary>
/// "Who saw my file": every access to the profile's file, newest first, <see cref="PageSize"/> a page, for the signed-in
/// account when it is the person's own or holds EVERY permission on the profile now (Profiles' MayActFor, all tabs);
/// otherwise <see cref="AuditErrors.NotFound"/>. Page numbers start at 1; past the end a page is empty.
/// </summary>
public sealed record GetMyFileAccessLog(Guid ProfileId, int Page = 1) : IRequest<Result<AccessLogPage>>
{
    public const int PageSize = 25;
}
