using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>A new message, document or bill from the clinic (a new communication, or staff wrote again in a thread): a link to the thread, under the category's own tab.</summary>
internal sealed class RecordCommunicationPublished(ActivityDbContext db, TimeProvider clock) : IntegrationEventConsumer<CommunicationPublished, ActivityDbContext>(db, clock)
{
    protected override async Task ApplyAsync(CommunicationPublished e, CancellationToken cancellationToken)
    {
        if (await Db.WasDeletedAsync(e.CommunicationId, cancellationToken))
        {
            return;
        }

        var (kind, tab) = InboxLines.Of(e.Category);
        Db.Entries.Add(TimelineEntry.ForProfile(e.ProfileId, kind, tab, e.OccurredUtc, e.CommunicationId));
    }
}
