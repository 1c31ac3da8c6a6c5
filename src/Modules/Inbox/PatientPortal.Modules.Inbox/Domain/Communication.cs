namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>
/// What the clinic sent one profile: a message, a document or a bill, with its thread (the clinic's messages and the
/// patient's replies) and its files. The list columns (<see cref="LastMessageUtc"/>, <see cref="Preview"/>,
/// <see cref="HasAttachments"/>, the read states) live on the row itself, so a tab's page and the counters are read
/// from this table and its indexes alone (bench/Inbox: 10,000 communications for one profile).
/// <para>
/// Read state: <see cref="UnreadByPatient"/> is the profile's (whoever of its accounts opens it, it is read for all);
/// a new clinic message in the thread makes it unread again. <see cref="UnreadByStaff"/>: a patient reply staff have
/// not opened yet. Replies: at most <see cref="RepliesAllowed"/>; each reply takes the next <see cref="Message.ReplyNumber"/>
/// under the communication's lock, and a unique index on (communication, reply number) stands behind it.
/// </para>
/// </summary>
internal sealed class Communication
{
    private readonly List<Message> _messages = [];
    private readonly List<Attachment> _attachments = [];

    private Communication() { }

    public Guid Id { get; private set; }
    public Guid ProfileId { get; private set; }
    public CommunicationCategory Category { get; private set; }
    public string Subject { get; private set; } = "";

    /// <summary>The practitioner shown as sender, as named when it was sent; null: the clinic's administration.</summary>
    public string? FromPractitioner { get; private set; }

    /// <summary>That practitioner's id in Appointments (null: the administration, or sent before ids were kept).</summary>
    public Guid? FromPractitionerId { get; private set; }

    /// <summary>The clinic's site, as named when it was sent.</summary>
    public string Site { get; private set; } = "";

    /// <summary>That site's id in Appointments (null: sent before ids were kept).</summary>
    public Guid? SiteId { get; private set; }
    public string TypeLabel { get; private set; } = "";
    public DateTimeOffset SentUtc { get; private set; }
    public Guid SentBy { get; private set; }

    /// <summary>When the clinic last wrote in the thread (the tabs' date and order).</summary>
    public DateTimeOffset LastMessageUtc { get; private set; }

    /// <summary>The start of the clinic's latest message, one line.</summary>
    public string Preview { get; private set; } = "";

    public int RepliesAllowed { get; private set; }
    public int ReplyCount { get; private set; }
    public DateTimeOffset? LastReplyUtc { get; private set; }

    /// <summary>The start of the patient's latest reply, one line (Sent and the staff inbox).</summary>
    public string? LastReplyPreview { get; private set; }

    public bool UnreadByPatient { get; private set; }
    public DateTimeOffset? PatientReadUtc { get; private set; }
    public bool UnreadByStaff { get; private set; }
    public bool HasAttachments { get; private set; }

    public IReadOnlyList<Message> Messages => _messages;
    public IReadOnlyList<Attachment> Attachments => _attachments;

    public bool MayReply => ReplyCount < RepliesAllowed;

    public static Communication Send(
        Guid profileId, CommunicationCategory category, string subject, string body, Sender from, Guid siteId, string site, string typeLabel,
        int repliesAllowed, Guid sentBy, DateTimeOffset now)
    {
        var communication = new Communication
        {
            Id = Guid.CreateVersion7(now),
            ProfileId = profileId,
            Category = category,
            Subject = subject,
            FromPractitioner = from.Name,
            FromPractitionerId = from.PractitionerId,
            SiteId = siteId,
            Site = site,
            TypeLabel = typeLabel,
            SentUtc = now,
            SentBy = sentBy,
            RepliesAllowed = repliesAllowed,
        };
        _ = communication.WriteAgain(body, from, sentBy, now);
        return communication;
    }

    /// <summary>The compose form's one-time id: a second submission of the same form finds this communication (review L6).</summary>
    public Guid? FormId { get; private set; }

    public void SubmittedWith(Guid? formId) => FormId = formId;

    public Attachment Attach(string fileName, string storageKey, long length, DateTimeOffset now)
    {
        var attachment = new Attachment(Guid.CreateVersion7(now), Id, fileName, storageKey, length, now);
        _attachments.Add(attachment);
        HasAttachments = true;
        return attachment;
    }

    /// <summary>A clinic message (the first, or staff writing again): unread again for the patient.</summary>
    public Message WriteAgain(string body, Sender from, Guid by, DateTimeOffset now)
    {
        var message = new Message(Guid.CreateVersion7(now), Id, MessageAuthor.Clinic, from.Name, body, by, null, now) { FromPractitionerId = from.PractitionerId };
        _messages.Add(message);
        LastMessageUtc = now;
        Preview = PreviewText.Of(body);
        UnreadByPatient = true;
        return message;
    }

    /// <summary>
    /// The patient's next reply; the caller holds the communication's lock and has checked <see cref="MayReply"/>.
    /// <paramref name="writer"/>: who wrote it, as named now (null: unknown; the pages show the patient's name).
    /// </summary>
    public Message Reply(string text, Guid by, ReplyWriter? writer, DateTimeOffset now)
    {
        if (!MayReply)
        {
            throw new InvalidOperationException("No reply is left.");
        }

        ReplyCount++;
        var message = new Message(Guid.CreateVersion7(now), Id, MessageAuthor.Patient, null, text, by, ReplyCount, now)
        {
            AuthorName = writer?.Name,
            AuthorFor = writer?.ForPatient,
        };
        _messages.Add(message);
        LastReplyUtc = now;
        LastReplyPreview = PreviewText.Of(text);
        UnreadByStaff = true;
        return message;
    }
}

/// <summary>One message of a thread. <see cref="ReplyNumber"/>: 1, 2… for the patient's replies (unique per communication); null for the clinic's.</summary>
internal sealed class Message(
    Guid id, Guid communicationId, MessageAuthor author, string? fromPractitioner, string body, Guid authorAccountId, int? replyNumber, DateTimeOffset atUtc)
{
    public Guid Id { get; private set; } = id;
    public Guid CommunicationId { get; private set; } = communicationId;
    public MessageAuthor Author { get; private set; } = author;
    public string? FromPractitioner { get; private set; } = fromPractitioner;

    /// <summary>The clinic's messages: that practitioner's id in Appointments (null: the administration, or written before ids were kept).</summary>
    public Guid? FromPractitionerId { get; init; }

    public string Body { get; private set; } = body;

    /// <summary>The account that wrote it (staff, the patient, or a proxy acting for the profile).</summary>
    public Guid AuthorAccountId { get; private set; } = authorAccountId;

    /// <summary>
    /// A reply: its writer's name when it was written (the name of their account's own record), kept so that a later
    /// rename does not rewrite the thread (review L1). Null: a reply from before names were kept.
    /// </summary>
    public string? AuthorName { get; init; }

    /// <summary>A reply a proxy wrote: the name, at that time, of the person it was written for; null when the person wrote it.</summary>
    public string? AuthorFor { get; init; }

    /// <summary>Who wrote a reply, as the pages show it (null: not known).</summary>
    public ReplyWriter? WrittenBy => AuthorName is { } name ? new ReplyWriter(name, AuthorFor) : null;

    public int? ReplyNumber { get; private set; } = replyNumber;
    public DateTimeOffset AtUtc { get; private set; } = atUtc;

    /// <summary>The staff form's one-time id ("Write again"): the same form sent again finds this message (review L6).</summary>
    public Guid? FormId { get; private set; }

    public Message SubmittedWith(Guid? formId)
    {
        FormId = formId;
        return this;
    }
}

/// <summary>
/// A file of a communication. <see cref="FileName"/>: the name shown (cleaned from the upload's). <see cref="StorageKey"/>:
/// the server's own name for the stored bytes (32 hex digits), never derived from the upload.
/// </summary>
internal sealed class Attachment(Guid id, Guid communicationId, string fileName, string storageKey, long length, DateTimeOffset addedUtc)
{
    public Guid Id { get; private set; } = id;
    public Guid CommunicationId { get; private set; } = communicationId;
    public string FileName { get; private set; } = fileName;
    public string StorageKey { get; private set; } = storageKey;
    public long Length { get; private set; } = length;
    public DateTimeOffset AddedUtc { get; private set; } = addedUtc;
}

/// <summary>
/// A stored file to delete once <see cref="DueUtc"/> has passed, unless an attachment row names it by then (ADR 0017):
/// saved with a deletion (due at once), or before an upload's files are written (due an hour later, and removed in the
/// same save as the communication that keeps them). <see cref="Jobs.FileCleanupJob"/> works them off.
/// </summary>
internal sealed class FileCleanup(string storageKey, DateTimeOffset dueUtc)
{
    public string StorageKey { get; private set; } = storageKey;
    public DateTimeOffset DueUtc { get; private set; } = dueUtc;
}
