using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Email;
using Quartz;

namespace PatientPortal.BuildingBlocks.Jobs;

/// <summary>Sends every module's queued emails. One module failing never holds up the others.</summary>
[DisallowConcurrentExecution]
public sealed class SendQueuedEmailsJob(IEnumerable<IEmailQueueProcessor> queues, ILogger<SendQueuedEmailsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var queue in queues)
        {
            try
            {
                await queue.SendDueAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending queued email failed for module {Module}", queue.Module);
            }
        }
    }
}
