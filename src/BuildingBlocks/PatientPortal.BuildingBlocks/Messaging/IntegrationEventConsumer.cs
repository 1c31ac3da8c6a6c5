using MediatR;
using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.BuildingBlocks.Messaging;

/// <summary>
/// The base of every integration-event consumer. It records the event id in the consumer's own schema in the
/// same SaveChanges as the consumer's work, so a duplicate delivery (or a retry after a crash) has its effect once.
/// </summary>
public abstract class IntegrationEventConsumer<TEvent, TContext>(TContext db, TimeProvider clock) : INotificationHandler<TEvent>
    where TEvent : IntegrationEvent
    where TContext : ModuleDbContext
{
    protected TContext Db => db;

    public async Task Handle(TEvent notification, CancellationToken cancellationToken)
    {
        var consumer = GetType().FullName!;
        var eventId = notification.EventId;
        if (await db.ProcessedEvents.AnyAsync(p => p.EventId == eventId && p.Consumer == consumer, cancellationToken))
        {
            return;
        }

        await ApplyAsync(notification, cancellationToken);
        db.ProcessedEvents.Add(new ProcessedEvent { EventId = eventId, Consumer = consumer, ProcessedUtc = clock.GetUtcNow() });
        // In turn with the other writers of the module's SQLite file in this process, as the outbox dispatcher saves.
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
    }

    /// <summary>Makes the consumer's changes on <see cref="Db"/> without saving them; the base saves them with the receipt.</summary>
    protected abstract Task ApplyAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
