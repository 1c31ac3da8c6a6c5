using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>Staff only: any communication's attachment by both ids; a staff read on the trail.</summary>
internal sealed class StaffOpenAttachmentHandler(AttachmentReads reads, ICurrentAccount current, ReadTrail trail)
    : IRequestHandler<StaffOpenAttachment, Result<AttachmentFile>>
{
    public async Task<Result<AttachmentFile>> Handle(StaffOpenAttachment request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        if (await reads.FindAsync(request.CommunicationId, request.AttachmentId, cancellationToken) is not { } found)
        {
            return new Error(InboxErrors.NotFound);
        }

        await trail.RecordAsync(found.ProfileId, ReadTrail.Download, request.AttachmentId, allowed: true, cancellationToken);
        return await reads.OpenAsync(found, cancellationToken);
    }
}
