using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Audit.Reading;

namespace PatientPortal.Modules.Audit.Features;

internal sealed class GetPatientFileAccessLogHandler(AuditDbContext db, ICurrentAccount current)
    : IRequestHandler<GetPatientFileAccessLog, Result<AccessLogPage>>
{
    public async Task<Result<AccessLogPage>> Handle(GetPatientFileAccessLog request, CancellationToken cancellationToken) =>
        StaffOnly.Allows(current)
            ? await AccessLogPages.ReadAsync(db, request.ProfileId, request.Page, cancellationToken)
            : Error.Forbidden;
}
