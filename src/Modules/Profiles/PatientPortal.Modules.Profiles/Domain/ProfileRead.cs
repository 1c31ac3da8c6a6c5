namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>In what capacity a profile was read.</summary>
internal enum ReaderRole
{
    Self,
    Proxy,
    Staff,
}

/// <summary>
/// The access trail (security.md F29): one row for every read of a profile by the patient, a proxy or staff, allowed or
/// refused. Who (and for whom), which profile, what was read, when, and the outcome; never the data read. Rows are
/// only ever added.
/// </summary>
internal sealed class ProfileRead
{
    private ProfileRead() { }

    public Guid Id { get; private set; }
    public Guid ReaderAccountId { get; private set; }
    public Guid ProfileId { get; private set; }
    public ReaderRole Role { get; private set; }

    /// <summary>What was read, a short fixed name ("settings", "admin-record", "export").</summary>
    public string What { get; private set; } = "";

    public DateTimeOffset ReadUtc { get; private set; }
    public bool Allowed { get; private set; }

    /// <summary>
    /// The one thing read, when it is one (an appointment's, a communication's or an attachment's id; review L9): an id,
    /// never its content.
    /// </summary>
    public Guid? ObjectId { get; private set; }

    /// <summary>
    /// Not stored: who the staff reader is (their role and the name they signed in with), for the integration event
    /// that <see cref="ProfilesDbContext"/> publishes with the row (ADR 0019). Null for a patient's or a proxy's read.
    /// </summary>
    public StaffReader? Staff { get; private set; }

    public static ProfileRead Of(
        Guid readerAccountId, Guid profileId, ReaderRole role, string what, bool allowed, DateTimeOffset now, Guid? objectId = null, StaffReader? staff = null) => new()
    {
        Id = Guid.CreateVersion7(),
        ReaderAccountId = readerAccountId,
        ProfileId = profileId,
        Role = role,
        What = what,
        ReadUtc = now,
        Allowed = allowed,
        ObjectId = objectId,
        Staff = role == ReaderRole.Staff ? staff : null,
    };
}
