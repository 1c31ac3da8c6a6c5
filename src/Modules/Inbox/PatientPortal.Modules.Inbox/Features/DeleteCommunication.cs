using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Storage;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>
/// Staff only, under the thread's lock (a reply racing it finds the thread gone): the rows go (messages and attachments
/// by cascade) in one save with the note of their files and the record of the deletion (who, what, when: ids only),
/// then the files (ADR 0017). Already gone: success, nothing changes.
/// </summary>
internal sealed class DeleteCommunicationHandler(InboxDbContext db, ICurrentAccount current, AttachmentFiles files, TimeProvider clock)
    : IRequestHandler<DeleteCommunication, Result>
{
    public async Task<Result> Handle(DeleteCommunication request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var keys = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await ThreadLock.BeginAsync(db, request.CommunicationId, cancellationToken);
            var communication = await db.Communications.SingleOrDefaultAsync(c => c.Id == request.CommunicationId, cancellationToken);
            if (communication is null)
            {
                return new List<string>(); // already gone: its own deletion noted its files
            }

            var stored = await db.Attachments.Where(a => a.CommunicationId == communication.Id).Select(a => a.StorageKey).ToListAsync(cancellationToken);
            files.Forget(stored);
            db.Communications.Remove(communication);
            db.Deletions.Add(CommunicationDeletion.Of(communication, stored.Count, current.AccountId!.Value, clock.GetUtcNow()));
            db.Publish(new CommunicationDeleted(communication.Id, communication.ProfileId), clock);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return stored;
        });

        db.ChangeTracker.Clear();
        await files.DeleteQuietlyAsync(keys, cancellationToken);
        return Result.Success();
    }
}
