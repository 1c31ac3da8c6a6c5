using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>Staff only: an attachment of any communication, by both ids (as <see cref="OpenAttachment"/>); a staff read on the access trail.</summary>
public sealed record StaffOpenAttachment(Guid CommunicationId, Guid AttachmentId) : IRequest<Result<AttachmentFile>>;
