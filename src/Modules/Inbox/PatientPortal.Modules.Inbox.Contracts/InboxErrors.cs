namespace PatientPortal.Modules.Inbox.Contracts;

/// <summary>The Inbox module's expected failures; the host shows each as a localized message of the same key.</summary>
public static class InboxErrors
{
    /// <summary>
    /// No such communication or attachment for this account now: another family's id, a tab the account may not open
    /// (a proxy without that permission, or a parent past the child's age of consent), or a deleted one. No tell.
    /// </summary>
    public const string NotFound = "Inbox.NotFound";

    /// <summary>The reply is empty (or only spaces).</summary>
    public const string ReplyRequired = "Inbox.ReplyRequired";

    /// <summary>The reply is longer than <see cref="ReplyToCommunication.MaxLength"/> characters as the user sees them (argument {0}: the limit).</summary>
    public const string ReplyTooLong = "Inbox.ReplyTooLong";

    /// <summary>The box "I have read and understood the disclaimer" was not checked.</summary>
    public const string DisclaimerNotAccepted = "Inbox.DisclaimerNotAccepted";

    /// <summary>The clinic does not allow a reply to this communication, or its replies are used up.</summary>
    public const string ReplyNotAllowed = "Inbox.ReplyNotAllowed";

    /// <summary>A text with control characters (anything but line breaks and tabs).</summary>
    public const string InvalidCharacters = "Inbox.InvalidCharacters";

    // Staff: composing and writing again.
    public const string SubjectRequired = "Inbox.Staff.SubjectRequired";

    /// <summary>Argument {0}: the limit.</summary>
    public const string SubjectTooLong = "Inbox.Staff.SubjectTooLong";

    public const string BodyRequired = "Inbox.Staff.BodyRequired";

    /// <summary>Argument {0}: the limit.</summary>
    public const string BodyTooLong = "Inbox.Staff.BodyTooLong";

    /// <summary>The type label is longer than <see cref="ComposeCommunication.LabelMaxLength"/> (argument {0}).</summary>
    public const string LabelTooLong = "Inbox.Staff.LabelTooLong";

    /// <summary>The number of replies allowed is outside 1..<see cref="ComposeCommunication.MaxRepliesLimit"/>.</summary>
    public const string RepliesOutOfRange = "Inbox.Staff.RepliesOutOfRange";

    /// <summary>A document or a bill needs at least one PDF attached.</summary>
    public const string AttachmentRequired = "Inbox.Staff.AttachmentRequired";

    /// <summary>More than <see cref="ComposeCommunication.MaxAttachments"/> files (argument {0}).</summary>
    public const string TooManyAttachments = "Inbox.Staff.TooManyAttachments";

    /// <summary>A file that is not a PDF by its content (whatever its name says); argument {0}: the file name.</summary>
    public const string AttachmentNotPdf = "Inbox.Staff.AttachmentNotPdf";

    /// <summary>A file over the configured limit (10 MB by default); arguments {0}: the file name, {1}: the limit in MB.</summary>
    public const string AttachmentTooLarge = "Inbox.Staff.AttachmentTooLarge";

    /// <summary>A sender that is none of the clinic's active practitioners (a crafted id, or one deactivated meanwhile).</summary>
    public const string UnknownSender = "Inbox.Staff.UnknownSender";

    /// <summary>A site that is none of the clinic's active sites (a crafted id, none chosen, or one deactivated meanwhile).</summary>
    public const string UnknownSite = "Inbox.Staff.UnknownSite";

    /// <summary>A profile id that is no clinic record.</summary>
    public const string UnknownPatient = "Inbox.Staff.UnknownPatient";
}
