using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// Staff only: every communication sent to a patient record, newest first, one page (from 1) of
/// <see cref="ListCommunications.PageSize"/> (to open one, write again or delete it). <c>Unread</c> in the rows: the
/// patient has not opened it yet. A staff read on the access trail.
/// </summary>
public sealed record ListProfileCommunications(Guid ProfileId, int Page = 1) : IRequest<Result<CommunicationPage>>;
