using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// A tab of the selected profile: one page (from 1) of <see cref="PageSize"/> rows, newest first (Sent: latest reply
/// first). The signed-in account needs the folder's permission for that profile now (<see cref="InboxFolder"/>);
/// otherwise <see cref="InboxErrors.NotFound"/>. A page past the end is empty. Recorded on the access trail.
/// </summary>
public sealed record ListCommunications(Guid ProfileId, InboxFolder Folder, int Page = 1) : IRequest<Result<CommunicationPage>>
{
    public const int PageSize = 20;
}

/// <summary>
/// A row of a tab: Date (sent; in Sent, the latest reply), From (<paramref name="FromPractitioner"/>, null: the
/// clinic's administration), Site, Type, Subject and a preview (the start of the latest message, one line; in Sent,
/// the patient's latest reply). <paramref name="Unread"/>: bold (never in Sent).
/// </summary>
public sealed record CommunicationRow(
    Guid Id,
    DateTimeOffset DateUtc,
    CommunicationCategory Category,
    string? FromPractitioner,
    string Site,
    string TypeLabel,
    string Subject,
    string Preview,
    bool Unread,
    bool HasAttachments);

/// <summary>One page of a tab; <paramref name="Total"/>: the rows of the whole tab, for the pager.</summary>
public sealed record CommunicationPage(IReadOnlyList<CommunicationRow> Rows, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
