using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>Staff only: every communication of a patient record, newest first (Unread: the patient has not opened it). A staff read on the trail.</summary>
internal sealed class ListProfileCommunicationsHandler(InboxDbContext db, ICurrentAccount current, ReadTrail trail)
    : IRequestHandler<ListProfileCommunications, Result<CommunicationPage>>
{
    public async Task<Result<CommunicationPage>> Handle(ListProfileCommunications request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        await trail.RecordAsync(request.ProfileId, ReadTrail.List, null, allowed: true, cancellationToken);
        var page = PageNumber.Within(request.Page);
        var query = db.Communications.AsNoTracking().Where(c => c.ProfileId == request.ProfileId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(c => c.LastMessageUtc).ThenByDescending(c => c.Id)
            .Skip((page - 1) * ListCommunications.PageSize).Take(ListCommunications.PageSize)
            .Select(c => new CommunicationRow(
                c.Id, c.LastMessageUtc, c.Category, c.FromPractitioner, c.Site, c.TypeLabel, c.Subject, c.Preview, c.UnreadByPatient, c.HasAttachments))
            .ToListAsync(cancellationToken);
        return new CommunicationPage(rows, page, ListCommunications.PageSize, total);
    }
}
