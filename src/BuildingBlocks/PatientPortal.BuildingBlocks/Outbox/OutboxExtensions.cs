using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.BuildingBlocks.Outbox;

public static class OutboxExtensions
{
    /// <summary>Adds the event to the module's outbox; it is saved by the same SaveChanges as the change that caused it.</summary>
    public static void Publish(this ModuleDbContext db, IntegrationEvent integrationEvent, TimeProvider clock) =>
        db.OutboxMessages.Add(OutboxMessage.From(integrationEvent, clock.GetUtcNow()));
}
