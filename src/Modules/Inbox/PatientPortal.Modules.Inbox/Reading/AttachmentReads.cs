using PatientPortal.Modules.Inbox.Storage;

namespace PatientPortal.Modules.Inbox.Reading;

/// <summary>An attachment row found by its communication's id and its own together (never by one alone).</summary>
internal sealed record FoundAttachment(Guid ProfileId, CommunicationCategory Category, string FileName, string StorageKey, long Length);

/// <summary>The downloads' shared part, for the patient's and staff's: find the row, then open its file by the row's key.</summary>
internal sealed class AttachmentReads(InboxDbContext db, IAttachmentStore store)
{
    public const string PdfContentType = "application/pdf";

    public Task<FoundAttachment?> FindAsync(Guid communicationId, Guid attachmentId, CancellationToken cancellationToken) =>
        (from a in db.Attachments.AsNoTracking()
         join c in db.Communications.AsNoTracking() on a.CommunicationId equals c.Id
         where a.Id == attachmentId && a.CommunicationId == communicationId
         select new FoundAttachment(c.ProfileId, c.Category, a.FileName, a.StorageKey, a.Length))
        .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The file, or "not found" when it is gone (deleted meanwhile).</summary>
    public async Task<Result<AttachmentFile>> OpenAsync(FoundAttachment found, CancellationToken cancellationToken) =>
        await store.OpenAsync(found.StorageKey, cancellationToken) is { } content
            ? new AttachmentFile(found.FileName, PdfContentType, found.Length, content)
            : new Error(InboxErrors.NotFound);
}
