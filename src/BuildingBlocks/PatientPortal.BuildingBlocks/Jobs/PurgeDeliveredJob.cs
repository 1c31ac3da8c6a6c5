using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Persistence;
using Quartz;

namespace PatientPortal.BuildingBlocks.Jobs;

/// <summary>Once an hour, each module forgets the events and mail it has delivered (see <see cref="IModuleRetention"/>).</summary>
[DisallowConcurrentExecution]
public sealed class PurgeDeliveredJob(IEnumerable<IModuleRetention> modules, ILogger<PurgeDeliveredJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var module in modules)
        {
            try
            {
                await module.PurgeAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging delivered messages failed for module {Module}", module.Module);
            }
        }
    }
}
