using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>Found by both ids, and the account may open the communication's category for its profile now; on the trail, refusals too.</summary>
internal sealed class OpenAttachmentHandler(AttachmentReads reads, InboxAccess access, ReadTrail trail)
    : IRequestHandler<OpenAttachment, Result<AttachmentFile>>
{
    public async Task<Result<AttachmentFile>> Handle(OpenAttachment request, CancellationToken cancellationToken)
    {
        if (await reads.FindAsync(request.CommunicationId, request.AttachmentId, cancellationToken) is not { } found)
        {
            return new Error(InboxErrors.NotFound);
        }

        var allowed = await access.MayOpenAsync(found.ProfileId, found.Category, cancellationToken);
        await trail.RecordAsync(found.ProfileId, ReadTrail.Download, request.AttachmentId, allowed, cancellationToken);
        return allowed ? await reads.OpenAsync(found, cancellationToken) : new Error(InboxErrors.NotFound);
    }
}
