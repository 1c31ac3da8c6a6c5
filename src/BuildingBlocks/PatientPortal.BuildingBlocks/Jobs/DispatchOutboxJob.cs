using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Outbox;
using Quartz;

namespace PatientPortal.BuildingBlocks.Jobs;

/// <summary>Delivers every module's pending integration events. One module failing never holds up the others.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchOutboxJob(IEnumerable<IOutboxDispatcher> dispatchers, ILogger<DispatchOutboxJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var dispatcher in dispatchers)
        {
            try
            {
                await dispatcher.DispatchPendingAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox dispatch failed for module {Module}", dispatcher.Module);
            }
        }
    }
}
