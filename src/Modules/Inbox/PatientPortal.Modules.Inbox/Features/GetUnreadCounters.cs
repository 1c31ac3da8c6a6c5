using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>One grouped count over the profile's unread rows (an index range), kept to the categories the account may open now.</summary>
internal sealed class GetUnreadCountersHandler(InboxDbContext db, InboxAccess access) : IRequestHandler<GetUnreadCounters, Result<UnreadCounters>>
{
    // Compiled: every signed-in page shows the counters.
    private static readonly CompiledPerProvider<Func<InboxDbContext, Guid, IAsyncEnumerable<UnreadOfCategory>>> Unread = new(() =>
        EF.CompileAsyncQuery((InboxDbContext db, Guid profileId) => db.Communications.AsNoTracking()
            .Where(c => c.ProfileId == profileId && c.UnreadByPatient)
            .GroupBy(c => c.Category)
            .Select(g => new UnreadOfCategory(g.Key, g.Count()))));

    public async Task<Result<UnreadCounters>> Handle(GetUnreadCounters request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(request.ProfileId, cancellationToken);
        if (visible.Count == 0)
        {
            return new Error(InboxErrors.NotFound);
        }

        var counts = new List<UnreadOfCategory>();
        await foreach (var count in Unread.For(db)(db, request.ProfileId).WithCancellation(cancellationToken))
        {
            counts.Add(count);
        }

        int Of(CommunicationCategory category) =>
            visible.Contains(category) ? counts.Where(c => c.Category == category).Sum(c => c.Count) : 0;

        return new UnreadCounters(
            Of(CommunicationCategory.Message) + Of(CommunicationCategory.Document) + Of(CommunicationCategory.Bill),
            Of(CommunicationCategory.Document),
            Of(CommunicationCategory.Bill));
    }
}

internal sealed record UnreadOfCategory(CommunicationCategory Category, int Count);
