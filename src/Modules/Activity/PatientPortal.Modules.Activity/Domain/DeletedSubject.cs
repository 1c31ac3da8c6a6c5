namespace PatientPortal.Modules.Activity.Domain;

/// <summary>
/// A communication staff deleted. Its lines are gone; this remembers it, so that an event about it delivered late (a
/// "published" or "reply sent" tried again after the deletion) cannot put a line back. Pruned with the lines.
/// </summary>
internal sealed class DeletedSubject
{
    private DeletedSubject() { }

    public Guid SubjectId { get; private set; }

    public DateTimeOffset DeletedUtc { get; private set; }

    public static DeletedSubject Of(Guid subjectId, DateTimeOffset deletedUtc) => new() { SubjectId = subjectId, DeletedUtc = deletedUtc };
}
