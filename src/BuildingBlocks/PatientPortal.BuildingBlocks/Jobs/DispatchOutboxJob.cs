using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Outbox;
using Quartz;

namespace PatientPortal.BuildingBlocks.Jobs;

/// <summary>
/// Delivers every module's pending integration events. One module failing never holds up the others. A module whose
/// batch came back full has more waiting (every read of a file publishes one on Profiles: ADR 0019), so the modules are
/// served again in turn until each is drained or <see cref="LongestRun"/> has passed; the next run starts over.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchOutboxJob(IEnumerable<IOutboxDispatcher> dispatchers, ILogger<DispatchOutboxJob> logger) : IJob
{
    internal static readonly TimeSpan LongestRun = TimeSpan.FromSeconds(20);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var busy = dispatchers.ToList();
        while (busy.Count > 0 && started.Elapsed < LongestRun)
        {
            foreach (var dispatcher in busy.ToList())
            {
                try
                {
                    if (await dispatcher.DispatchPendingAsync(cancellationToken) < OutboxDispatcher.BatchSize)
                    {
                        busy.Remove(dispatcher);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    busy.Remove(dispatcher);
                    logger.LogError(ex, "Outbox dispatch failed for module {Module}", dispatcher.Module);
                }
            }
        }
    }
}
