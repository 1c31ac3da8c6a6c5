using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Audit.IntegrationEventHandlers;

/// <summary>
/// Adds the access to the log, once. Idempotent by the row's key, which is the event's id, instead of the building blocks'
/// <c>IntegrationEventConsumer</c> receipt: every page read sends one of these, and a receipt row per event (kept for
/// ever in <c>ProcessedEvents</c>) would double the module's writes and its size for nothing (ADR 0019). A second delivery
/// finds the row and does nothing; two deliveries at once meet the key, and the loser does nothing either.
/// </summary>
internal sealed class ProfileFileReadHandler(AuditDbContext db) : INotificationHandler<ProfileFileRead>
{
    public async Task Handle(ProfileFileRead notification, CancellationToken cancellationToken)
    {
        var id = notification.EventId;
        if (await db.Accesses.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return;
        }

        var record = FileAccessRecord.From(notification);
        db.Accesses.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.Entry(record).State = EntityState.Detached; // the other delivery saved it
        }
    }
}
