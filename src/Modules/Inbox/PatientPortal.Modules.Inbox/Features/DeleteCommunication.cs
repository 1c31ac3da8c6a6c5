using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Storage;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>
/// Staff only: the rows go (messages and attachments by cascade) in one save with the note of their files, then the
/// files (ADR 0017). Already gone: success, nothing changes.
/// </summary>
internal sealed class DeleteCommunicationHandler(InboxDbContext db, ICurrentAccount current, AttachmentFiles files)
    : IRequestHandler<DeleteCommunication, Result>
{
    public async Task<Result> Handle(DeleteCommunication request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var communication = await db.Communications.SingleOrDefaultAsync(c => c.Id == request.CommunicationId, cancellationToken);
        if (communication is null)
        {
            return Result.Success();
        }

        var keys = await db.Attachments.Where(a => a.CommunicationId == communication.Id).Select(a => a.StorageKey).ToListAsync(cancellationToken);
        files.Forget(keys);
        db.Communications.Remove(communication);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Success(); // deleted meanwhile by another click: its own save noted the files
        }

        db.ChangeTracker.Clear();
        await files.DeleteQuietlyAsync(keys, cancellationToken);
        return Result.Success();
    }
}
