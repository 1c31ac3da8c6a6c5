using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>The patient (or a proxy) replied: "Reply sent", a link to the thread, under the thread's category's tab.</summary>
internal sealed class RecordReplySent(ActivityDbContext db, TimeProvider clock) : IntegrationEventConsumer<ReplySent, ActivityDbContext>(db, clock)
{
    protected override async Task ApplyAsync(ReplySent e, CancellationToken cancellationToken)
    {
        if (await Db.WasDeletedAsync(e.CommunicationId, cancellationToken))
        {
            return;
        }

        Db.Entries.Add(TimelineEntry.ForProfile(e.ProfileId, ActivityKind.ReplySent, InboxLines.Of(e.Category).Tab, e.OccurredUtc, e.CommunicationId));
    }
}
