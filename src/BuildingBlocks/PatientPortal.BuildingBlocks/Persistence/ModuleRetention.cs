using Microsoft.EntityFrameworkCore;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>
/// Deletes what a module no longer needs: delivered integration events (their payloads can carry personal details)
/// and the records of sent mail. Nothing undelivered is ever touched.
/// </summary>
public interface IModuleRetention
{
    string Module { get; }

    /// <returns>How many rows were deleted.</returns>
    Task<int> PurgeAsync(CancellationToken cancellationToken);
}

internal sealed class ModuleRetention<TContext>(TContext db, TimeProvider clock) : IModuleRetention where TContext : ModuleDbContext
{
    public static readonly TimeSpan DeliveredEventsKept = TimeSpan.FromDays(7);
    public static readonly TimeSpan SentMailKept = TimeSpan.FromDays(90);

    public string Module => db.Schema;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var eventsBefore = now - DeliveredEventsKept;
        var mailBefore = now - SentMailKept;
        var events = await db.OutboxMessages.Where(m => m.ProcessedUtc != null && m.ProcessedUtc < eventsBefore).ExecuteDeleteAsync(cancellationToken);
        var mail = await db.QueuedEmails.Where(e => e.SentUtc != null && e.SentUtc < mailBefore).ExecuteDeleteAsync(cancellationToken);
        return events + mail;
    }
}
