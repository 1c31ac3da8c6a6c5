using PatientPortal.Modules.Inbox.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>
/// One page of a tab, filtered to the profile and to the categories the account may open now (a proxy with messages but
/// not bills sees no bill in the Inbox). Read from the communications table and its indexes alone. On the trail.
/// </summary>
internal sealed class ListCommunicationsHandler(InboxDbContext db, InboxAccess access, ReadTrail trail)
    : IRequestHandler<ListCommunications, Result<CommunicationPage>>
{
    public async Task<Result<CommunicationPage>> Handle(ListCommunications request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(request.ProfileId, cancellationToken);
        var (needs, categories) = request.Folder switch
        {
            InboxFolder.Documents => (CommunicationCategory.Document, (IReadOnlyList<CommunicationCategory>)[CommunicationCategory.Document]),
            InboxFolder.Bills => (CommunicationCategory.Bill, [CommunicationCategory.Bill]),
            _ => (CommunicationCategory.Message, visible),
        };
        var allowed = Enum.IsDefined(request.Folder) && visible.Contains(needs);
        await trail.RecordAsync(request.ProfileId, ReadTrail.List, null, allowed, cancellationToken);
        if (!allowed)
        {
            return new Error(InboxErrors.NotFound);
        }

        var page = PageNumber.Within(request.Page);
        var query = db.Communications.AsNoTracking().Where(c => c.ProfileId == request.ProfileId);
        if (!InboxAccess.IsAll(categories))
        {
            query = categories.Count == 1
                ? query.Where(c => c.Category == categories[0])
                : query.Where(c => categories.Contains(c.Category));
        }

        return request.Folder == InboxFolder.Sent
            ? await SentAsync(query, page, cancellationToken)
            : await ReceivedAsync(query, page, cancellationToken);
    }

    private static async Task<CommunicationPage> ReceivedAsync(IQueryable<Communication> query, int page, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.LastMessageUtc).ThenByDescending(c => c.Id)
            .Skip((page - 1) * ListCommunications.PageSize).Take(ListCommunications.PageSize)
            .Select(c => new CommunicationRow(
                c.Id, c.LastMessageUtc, c.Category, c.FromPractitioner, c.Site, c.TypeLabel, c.Subject, c.Preview, c.UnreadByPatient, c.HasAttachments))
            .ToListAsync(cancellationToken);
        return new CommunicationPage(rows, page, ListCommunications.PageSize, total);
    }

    private static async Task<CommunicationPage> SentAsync(IQueryable<Communication> query, int page, CancellationToken cancellationToken)
    {
        query = query.Where(c => c.LastReplyUtc != null);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.LastReplyUtc).ThenByDescending(c => c.Id)
            .Skip((page - 1) * ListCommunications.PageSize).Take(ListCommunications.PageSize)
            .Select(c => new CommunicationRow(
                c.Id, c.LastReplyUtc!.Value, c.Category, c.FromPractitioner, c.Site, c.TypeLabel, c.Subject, c.LastReplyPreview ?? "", false, c.HasAttachments))
            .ToListAsync(cancellationToken);
        return new CommunicationPage(rows, page, ListCommunications.PageSize, total);
    }
}
