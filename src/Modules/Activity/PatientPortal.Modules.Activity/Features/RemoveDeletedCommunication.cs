using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>
/// Staff deleted a communication (sent to the wrong profile, say): its lines go, in the same save as the receipt, so
/// the timeline neither links to nothing nor keeps telling a profile's readers about something that was never theirs.
/// It is remembered as deleted, so that an event about it tried again later cannot bring a line back.
/// </summary>
internal sealed class RemoveDeletedCommunication(ActivityDbContext db, TimeProvider clock)
    : IntegrationEventConsumer<CommunicationDeleted, ActivityDbContext>(db, clock)
{
    protected override async Task ApplyAsync(CommunicationDeleted e, CancellationToken cancellationToken)
    {
        var lines = await Db.Entries.Where(l => l.SubjectId == e.CommunicationId && l.ProfileId == e.ProfileId).ToListAsync(cancellationToken);
        Db.Entries.RemoveRange(lines);
        if (!await Db.WasDeletedAsync(e.CommunicationId, cancellationToken))
        {
            Db.DeletedSubjects.Add(DeletedSubject.Of(e.CommunicationId, e.OccurredUtc));
        }
    }
}
