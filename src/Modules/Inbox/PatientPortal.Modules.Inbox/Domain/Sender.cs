namespace PatientPortal.Modules.Inbox.Domain;

/// <summary>
/// The sender a clinic message shows: one of the clinic's practitioners (Appointments' id, and the name it had when the
/// message was written), or the clinic's administration (both null; the host names it in the reader's language).
/// </summary>
internal sealed record Sender(Guid? PractitionerId, string? Name)
{
    public static readonly Sender Administration = new(null, null);
}
