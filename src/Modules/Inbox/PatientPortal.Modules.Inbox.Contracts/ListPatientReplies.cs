using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// Staff only: the clinic's inbox of patient replies, one page (from 1) of <see cref="PageSize"/> threads, latest reply
/// first; <paramref name="UnreadOnly"/>: only threads with a reply staff have not opened yet. Patients' names come from
/// Profiles (each named profile is a staff read on the trail).
/// </summary>
public sealed record ListPatientReplies(int Page = 1, bool UnreadOnly = false) : IRequest<Result<PatientReplyPage>>
{
    public const int PageSize = 25;
}

/// <summary>
/// A thread with patient replies: whose, what about, the latest reply, who wrote it (<paramref name="LastReplyBy"/>,
/// as in <see cref="ThreadMessage.WrittenBy"/>; null for a reply written before names were kept) and whether staff
/// have read it.
/// </summary>
public sealed record PatientReplyRow(
    Guid CommunicationId,
    Guid ProfileId,
    string PatientName,
    CommunicationCategory Category,
    string Subject,
    string Preview,
    DateTimeOffset LastReplyUtc,
    bool Unread,
    ReplyWriter? LastReplyBy = null);

public sealed record PatientReplyPage(IReadOnlyList<PatientReplyRow> Rows, int Page, int PageSize, int Total, int UnreadTotal);
