using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Audit.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Audit.Features;

/// <summary>
/// Staff only. Who read a file is itself part of the file: staff opening a patient's access log is on that patient's
/// trail ("access-log"), so the patient's own log shows it (review, issue 11).
/// </summary>
internal sealed class GetPatientFileAccessLogHandler(AuditDbContext db, ICurrentAccount current, IMediator mediator)
    : IRequestHandler<GetPatientFileAccessLog, Result<AccessLogPage>>
{
    public async Task<Result<AccessLogPage>> Handle(GetPatientFileAccessLog request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current) || current.AccountId is not { } staff)
        {
            return Error.Forbidden;
        }

        var log = await AccessLogPages.ReadAsync(db, request.ProfileId, request.Page, cancellationToken);
        await mediator.Send(new RecordProfileRead(staff, request.ProfileId, "access-log", Allowed: true, ByStaff: true), cancellationToken);
        return log;
    }
}
