using PatientPortal.Modules.Audit.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Audit.Features;

/// <summary>
/// The person's own account, or a proxy holding every permission on the profile now (Profiles decides, at this instant:
/// ADR 0012); anyone else gets the same "not found" as for an unknown profile.
/// </summary>
internal sealed class GetMyFileAccessLogHandler(AuditDbContext db, IMediator mediator, ICurrentAccount current)
    : IRequestHandler<GetMyFileAccessLog, Result<AccessLogPage>>
{
    public async Task<Result<AccessLogPage>> Handle(GetMyFileAccessLog request, CancellationToken cancellationToken)
    {
        if (current.AccountId is null || !await mediator.Send(new MayActFor(request.ProfileId, ProfileTabs.All), cancellationToken))
        {
            return new Error(AuditErrors.NotFound);
        }

        return await AccessLogPages.ReadAsync(db, request.ProfileId, request.Page, cancellationToken);
    }
}
