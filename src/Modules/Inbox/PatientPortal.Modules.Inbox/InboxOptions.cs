namespace PatientPortal.Modules.Inbox;

/// <summary>The clinic's inbox settings, the "Inbox" configuration section.</summary>
internal sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>The largest attachment accepted, in megabytes (the issue: 10 MB by default).</summary>
    public int MaxAttachmentMegabytes { get; set; } = 10;

    /// <summary>
    /// Where attachments are kept: a folder outside the web root. Empty: "inbox-attachments" in "Database:DataFolder"
    /// (App_Data by default), beside the module's own database file.
    /// </summary>
    public string? AttachmentsFolder { get; set; }

    /// <summary>The clinic's disclaimer shown with every reply form, in English (the guide's text by default).</summary>
    public string DisclaimerEn { get; set; } =
        "Messages are NOT for asking medical questions, if you have a medical concern or question please book an appointment.\n" +
        "Please note we are receiving a higher than normal volume of messages, we will get back to you as soon as possible.";

    /// <summary>The same in French (the guide's text by default).</summary>
    public string DisclaimerFr { get; set; } =
        "Les messages ne sont PAS destinés à poser des questions médicales. Si vous avez un problème ou une question médicale, veuillez prendre rendez-vous.\n" +
        "Veuillez noter que nous recevons un volume de messages supérieur à la normale, nous vous répondrons dans les plus brefs délais.";

    public long MaxAttachmentBytes => MaxAttachmentMegabytes * 1024L * 1024L;
}
