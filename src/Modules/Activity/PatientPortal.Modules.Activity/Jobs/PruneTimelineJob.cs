using Microsoft.Extensions.Options;
using Quartz;

namespace PatientPortal.Modules.Activity.Jobs;

/// <summary>
/// Deletes the lines older than <see cref="ActivityOptions.KeepDays"/> (ADR 0018: the column shows the newest few, and
/// the modules keep the things themselves). Idempotent: a second run finds nothing more to delete.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PruneTimelineJob(ActivityDbContext db, IOptions<ActivityOptions> options, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await PruneAsync(cancellationToken);

    /// <summary>Deletes the old lines and the old memories of deleted communications; answers how many lines went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddDays(-options.Value.KeepDays);
        var lines = await db.Entries.Where(e => e.OccurredUtc < before).ExecuteDeleteAsync(cancellationToken);
        // An event about one of these, however late, happened before the deletion: its line is past the retention too.
        await db.DeletedSubjects.Where(d => d.DeletedUtc < before).ExecuteDeleteAsync(cancellationToken);
        return lines;
    }
}
