namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>
/// What staff deleted, by whom and when, kept when the communication, its messages and its files are gone (review M3:
/// a deleted bill or complaint must leave a trace for incident support, security.md F31). Ids and counts only: no
/// subject, body or file name outlives the deletion.
/// </summary>
internal sealed class CommunicationDeletion
{
    private CommunicationDeletion()
    {
    }

    public Guid Id { get; private set; }
    public Guid CommunicationId { get; private set; }
    public Guid ProfileId { get; private set; }
    public CommunicationCategory Category { get; private set; }
    public int Attachments { get; private set; }
    public Guid DeletedBy { get; private set; }
    public DateTimeOffset DeletedUtc { get; private set; }

    public static CommunicationDeletion Of(Communication communication, int attachments, Guid deletedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CommunicationId = communication.Id,
        ProfileId = communication.ProfileId,
        Category = communication.Category,
        Attachments = attachments,
        DeletedBy = deletedBy,
        DeletedUtc = now,
    };
}
