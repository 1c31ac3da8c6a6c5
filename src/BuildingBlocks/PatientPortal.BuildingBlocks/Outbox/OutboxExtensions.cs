using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.BuildingBlocks.Outbox;

public static class OutboxExtensions
{
    /// <summary>Adds the event to the module's outbox; it is saved by the same SaveChanges as the change that caused it.</summary>
    public static void Publish(this ModuleDbContext db, IntegrationEvent integrationEvent, TimeProvider clock) =>
        db.Publish(integrationEvent, clock.GetUtcNow());

    /// <summary>
    /// Adds an event that happened at <paramref name="occurredUtc"/>, in the past: the demo clinic tells the other modules
    /// what its seeded history did, when it did it.
    /// </summary>
    public static void Publish(this ModuleDbContext db, IntegrationEvent integrationEvent, DateTimeOffset occurredUtc) =>
        db.OutboxMessages.Add(OutboxMessage.From(integrationEvent, occurredUtc));
}
