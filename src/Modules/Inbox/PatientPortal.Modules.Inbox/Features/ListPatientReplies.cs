using PatientPortal.Modules.Inbox.Reading;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>
/// Staff only: the threads with patient replies, latest reply first, with who wrote the latest; the patients' names
/// come from Profiles (staff reads on its trail).
/// </summary>
internal sealed class ListPatientRepliesHandler(InboxDbContext db, ICurrentAccount current, IMediator mediator)
    : IRequestHandler<ListPatientReplies, Result<PatientReplyPage>>
{
    public async Task<Result<PatientReplyPage>> Handle(ListPatientReplies request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var page = PageNumber.Within(request.Page);
        var replied = db.Communications.AsNoTracking().Where(c => c.LastReplyUtc != null);
        var unreadTotal = await replied.CountAsync(c => c.UnreadByStaff, cancellationToken);
        var query = request.UnreadOnly ? replied.Where(c => c.UnreadByStaff) : replied;
        var total = request.UnreadOnly ? unreadTotal : await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.LastReplyUtc).ThenByDescending(c => c.Id)
            .Skip((page - 1) * ListPatientReplies.PageSize).Take(ListPatientReplies.PageSize)
            .Select(c => new { c.Id, c.ProfileId, c.Category, c.Subject, c.LastReplyPreview, LastReplyUtc = c.LastReplyUtc!.Value, c.UnreadByStaff })
            .ToListAsync(cancellationToken);

        var names = new Dictionary<Guid, string>();
        if (rows.Count > 0)
        {
            var found = await mediator.Send(new GetPatientNames([.. rows.Select(r => r.ProfileId).Distinct()]), cancellationToken);
            if (found.IsSuccess)
            {
                names = found.Value.ToDictionary(n => n.ProfileId, n => $"{n.LastName}, {n.FirstName}");
            }
        }

        // Who wrote each thread's latest reply: at most a few replies a thread, for this page's threads only.
        var ids = rows.Select(r => r.Id).ToList();
        var writers = (await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.CommunicationId) && m.ReplyNumber != null)
                .Select(m => new { m.CommunicationId, m.ReplyNumber, m.AuthorName, m.AuthorFor })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.CommunicationId)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.ReplyNumber) is { AuthorName: { } name } last ? new ReplyWriter(name, last.AuthorFor) : null);
        return new PatientReplyPage(
            [.. rows.Select(r => new PatientReplyRow(
                r.Id, r.ProfileId, names.GetValueOrDefault(r.ProfileId, ""), r.Category, r.Subject, r.LastReplyPreview ?? "", r.LastReplyUtc, r.UnreadByStaff,
                writers.GetValueOrDefault(r.Id)))],
            page, ListPatientReplies.PageSize, total, unreadTotal);
    }
}
