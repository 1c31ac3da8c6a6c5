using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Audit.Contracts;

/// <summary>Staff only (second factor passed): a patient record's access log, newest first, as <see cref="GetMyFileAccessLog"/> pages it.</summary>
public sealed record GetPatientFileAccessLog(Guid ProfileId, int Page = 1) : IRequest<Result<AccessLogPage>>;
