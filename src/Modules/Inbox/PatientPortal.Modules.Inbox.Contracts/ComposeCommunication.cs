using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>
/// Staff only: the clinic sends a communication to a patient record (found with Profiles' SearchPatients;
/// <see cref="InboxErrors.UnknownPatient"/> otherwise). <paramref name="Subject"/> and <paramref name="Body"/>: plain
/// text (line breaks kept; control characters refused). <paramref name="FromPractitionerId"/>: the practitioner shown as
/// sender, one of the clinic's active practitioners (Appointments' ListActivePractitionersAndSites), or null for the
/// clinic's administration; <paramref name="SiteId"/>: one of the clinic's active sites. Any other id is refused
/// (<see cref="InboxErrors.UnknownSender"/>, <see cref="InboxErrors.UnknownSite"/>); their names are kept as they are
/// now, so a later rename does not change what was sent. <paramref name="TypeLabel"/> (e.g. "Dermatology",
/// "Consultation receipt"): free text, shown in the tables with the site. Attachments: PDFs only, checked by content, each within
/// the configured size (10 MB by default); a document or a bill needs at least one. <paramref name="RepliesAllowed"/>:
/// 0 (no reply) to <see cref="MaxRepliesLimit"/>; the guide's default is one. The profile's account and its proxies with
/// the category's permission get an email ("View the Message / Document / Invoice", no health detail), as their
/// preference for new communications allows. Returns the communication's id. Nothing is kept of a refused request.
/// <paramref name="FormId"/>: the compose form's one-time id; the same form sent again (a double click, a replayed POST)
/// returns the communication it already made, and nothing is sent twice.
/// </summary>
public sealed record ComposeCommunication(
    Guid ProfileId,
    CommunicationCategory Category,
    string Subject,
    string Body,
    Guid? FromPractitionerId,
    Guid SiteId,
    string TypeLabel,
    IReadOnlyList<AttachmentUpload> Attachments,
    int RepliesAllowed = ComposeCommunication.DefaultRepliesAllowed,
    Guid? FormId = null) : IRequest<Result<Guid>>
{
    public const int DefaultRepliesAllowed = 1;
    public const int MaxRepliesLimit = 10;
    public const int SubjectMaxLength = 150;
    public const int BodyMaxLength = 10_000;

    /// <summary>The type label.</summary>
    public const int LabelMaxLength = 100;

    public const int MaxAttachments = 10;
}
