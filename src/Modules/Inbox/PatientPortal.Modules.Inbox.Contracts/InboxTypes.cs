namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>What the clinic sends: a message, a document (forms, statements, referrals…) or a bill. Each opens with its own permission.</summary>
public enum CommunicationCategory
{
    /// <summary>Needs the Messages permission (ProfileTabs.Messages).</summary>
    Message,

    /// <summary>Needs the Documents permission; carries at least one PDF.</summary>
    Document,

    /// <summary>Needs the Bills permission; carries at least one PDF.</summary>
    Bill,
}

/// <summary>The patient's tabs, as in the guide.</summary>
public enum InboxFolder
{
    /// <summary>Every communication of the categories the account may open for the profile (the tab itself needs Messages).</summary>
    Inbox,

    /// <summary>Documents only (needs Documents).</summary>
    Documents,

    /// <summary>Bills only (needs Bills).</summary>
    Bills,

    /// <summary>The threads the patient replied to (needs Messages; only categories the account may open), latest reply first.</summary>
    Sent,
}

/// <summary>Who wrote a message of a thread.</summary>
public enum MessageAuthor
{
    Clinic,
    Patient,
}

/// <summary>
/// A file staff attach. <paramref name="FileName"/> is only the name shown to the patient (cleaned; never a path: the
/// server names the stored file). The caller owns <paramref name="Content"/> and disposes it after the request.
/// </summary>
public sealed record AttachmentUpload(string FileName, Stream Content);

/// <summary>An attachment of a communication, as listed in the thread.</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, long Length);

/// <summary>
/// An attachment opened for reading: a safe file name (letters, digits, spaces, '-', '_', '.', ending in ".pdf") for
/// Content-Disposition, its content type ("application/pdf"), and its bytes. The caller disposes <paramref name="Content"/>.
/// </summary>
public sealed record AttachmentFile(string FileName, string ContentType, long Length, Stream Content);

/// <summary>
/// One message of a thread. <paramref name="FromPractitioner"/>: for the clinic's messages, the practitioner shown as
/// sender, or null for the clinic's administration (the host shows its localized label); null for the patient's.
/// <paramref name="Body"/>: plain text, line breaks kept (render encoded, never as HTML). <paramref name="WrittenBy"/>:
/// for a reply, who wrote it as they were named then; null for the clinic's, and for replies written before names
/// were kept (the host shows the patient's name).
/// </summary>
public sealed record ThreadMessage(Guid Id, MessageAuthor Author, string? FromPractitioner, string Body, DateTimeOffset AtUtc, ReplyWriter? WrittenBy = null);

/// <summary>
/// Who wrote a reply, named when it was written (a later rename does not change it): the writer's name, and
/// <paramref name="ForPatient"/>, the name of the person it was written for when a proxy wrote it (null when the person
/// wrote it themselves). The host shows "Heather Milner, for Nathan Milner" ("…, pour …"). <paramref name="Name"/> is null
/// on the patient's side for a proxy's reply read by anyone but its writer: "someone acting for Nathan Milner".
/// </summary>
public sealed record ReplyWriter(string? Name, string? ForPatient);

/// <summary>
/// Whether the patient may reply now, and how many replies the clinic allows in all and are left
/// (<see cref="Allowed"/> is false when the clinic allows none or they are used up).
/// </summary>
public sealed record ReplyState(bool Allowed, int RepliesAllowed, int RepliesLeft);

/// <summary>
/// A communication with its messages, newest first (the guide: "the most recent message appears at the top").
/// <paramref name="ProfileId"/>: whose it is (the host selects that profile when the page was opened from an email).
/// <paramref name="FromPractitioner"/> null: the clinic's administration. <paramref name="Disclaimer"/>: the clinic's
/// disclaimer in the reader's language (CultureInfo.CurrentUICulture), shown with the reply form.
/// </summary>
public sealed record ThreadView(
    Guid CommunicationId,
    Guid ProfileId,
    CommunicationCategory Category,
    string Subject,
    string? FromPractitioner,
    string Site,
    string TypeLabel,
    DateTimeOffset SentUtc,
    IReadOnlyList<ThreadMessage> Messages,
    IReadOnlyList<AttachmentInfo> Attachments,
    ReplyState Reply,
    string Disclaimer);

/// <summary>The path of a communication's page, the one the emails link to ("/inbox/{id}"); the host serves it.</summary>
public static class InboxPaths
{
    public static string Thread(Guid communicationId) => $"/inbox/{communicationId:D}";
}
