using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// The patient side's download of an attachment (view or save): found by the communication's id and the attachment's
/// id together, for an account that may open the communication's category for its profile now; otherwise
/// <see cref="InboxErrors.NotFound"/>. Every download and every refusal is on the access trail (F29). The stored file's
/// path is the server's own; nothing of the request is a path.
/// </summary>
public sealed record OpenAttachment(Guid CommunicationId, Guid AttachmentId) : IRequest<Result<AttachmentFile>>;
