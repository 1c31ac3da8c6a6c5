using PatientPortal.Modules.Inbox.Storage;
using Quartz;

namespace PatientPortal.Modules.Inbox.Jobs;

/// <summary>
/// Deletes the attachment files that no row keeps any more (ADR 0017): a deletion's files whose removal a crash or an
/// I/O error interrupted, and an upload's files whose communication was never saved. Idempotent: deleting a file
/// twice is fine, and a key an attachment names is never deleted.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class FileCleanupJob(AttachmentFiles files) : IJob
{
    public const int IntervalMinutes = 15;
    public const int BatchSize = 500;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await files.WorkOffAsync(BatchSize, cancellationToken);
}
