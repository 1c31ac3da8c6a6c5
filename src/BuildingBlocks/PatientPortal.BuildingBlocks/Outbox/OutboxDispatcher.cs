using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.BuildingBlocks.Outbox;

/// <summary>Delivers one module's pending outbox messages to their in-process consumers.</summary>
public interface IOutboxDispatcher
{
    string Module { get; }

    /// <returns>How many messages were delivered.</returns>
    Task<int> DispatchPendingAsync(CancellationToken cancellationToken);
}

internal static class OutboxDispatcher
{
    /// <summary>Messages one call delivers at most; a full batch tells the job more are waiting.</summary>
    internal const int BatchSize = 50;
}

internal sealed class OutboxDispatcher<TContext>(
    TContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : IOutboxDispatcher
    where TContext : ModuleDbContext
{
    public string Module => db.Schema;

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        // One job run may call this many times on one context: forget the batches already delivered.
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var pending = await db.OutboxMessages
            .Where(m => m.ProcessedUtc == null && m.NextAttemptUtc <= now)
            .OrderBy(m => m.OccurredUtc)
            .Take(OutboxDispatcher.BatchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var message in pending)
        {
            try
            {
                // Consumers get a scope of their own, so their SaveChanges never carries ours.
                using (var scope = scopes.CreateScope())
                {
                    await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(message.ToEvent(), cancellationToken);
                }

                // A crash before this save means a second delivery; consumers are idempotent for that reason.
                message.ProcessedUtc = clock.GetUtcNow();
                message.LastError = null;
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.NextAttemptUtc = clock.GetUtcNow() + Backoff.After(message.Attempts);
                message.LastError = Backoff.Describe(ex);
                logger.LogWarning(ex, "Outbox message {MessageId} of module {Module} failed (attempt {Attempts})", message.Id, Module, message.Attempts);
            }

            // In turn with the pages' writes of the same SQLite file (an access-trail row per view publishes a message
            // here): found busy, Microsoft.Data.Sqlite sleeps 150 ms and the page waiting behind it too (bench/run.sh).
            await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        }

        return delivered;
    }
}
