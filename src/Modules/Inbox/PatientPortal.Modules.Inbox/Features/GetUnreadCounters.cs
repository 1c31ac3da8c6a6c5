using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>One grouped count over the profile's unread rows (an index range), kept to the categories the account may open now.</summary>
internal sealed class GetUnreadCountersHandler(InboxDbContext db, InboxAccess access) : IRequestHandler<GetUnreadCounters, Result<UnreadCounters>>
{
    public async Task<Result<UnreadCounters>> Handle(GetUnreadCounters request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(request.ProfileId, cancellationToken);
        if (visible.Count == 0)
        {
            return new Error(InboxErrors.NotFound);
        }

        var counts = await db.Communications.AsNoTracking()
            .Where(c => c.ProfileId == request.ProfileId && c.UnreadByPatient)
            .GroupBy(c => c.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(CommunicationCategory category) =>
            visible.Contains(category) ? counts.Where(c => c.Category == category).Sum(c => c.Count) : 0;

        return new UnreadCounters(
            Of(CommunicationCategory.Message) + Of(CommunicationCategory.Document) + Of(CommunicationCategory.Bill),
            Of(CommunicationCategory.Document),
            Of(CommunicationCategory.Bill));
    }
}
