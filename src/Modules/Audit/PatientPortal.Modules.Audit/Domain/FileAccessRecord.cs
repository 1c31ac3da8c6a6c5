using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Audit.Domain;

/// <summary>
/// One access to a profile's file (security.md F29), copied from Profiles' <see cref="ProfileFileRead"/>: its id is the
/// event's (the trail row's), which makes a second delivery of the event find the row instead of adding one. Who, for
/// which profile, what kind of read and of which thing (an id), when, and the outcome; never content. Only ever added.
/// </summary>
internal sealed class FileAccessRecord
{
    private FileAccessRecord() { }

    public Guid Id { get; private set; }
    public Guid ProfileId { get; private set; }
    public Guid ReaderAccountId { get; private set; }
    public string ReaderRole { get; private set; } = "";
    public string ReaderName { get; private set; } = "";
    public string? StaffRole { get; private set; }
    public string Kind { get; private set; } = "";
    public string What { get; private set; } = "";
    public Guid? ObjectId { get; private set; }
    public bool Allowed { get; private set; }
    public DateTimeOffset ReadUtc { get; private set; }

    public const int NameLength = 201;

    public static FileAccessRecord From(ProfileFileRead read) => new()
    {
        Id = read.EventId,
        ProfileId = read.ProfileId,
        ReaderAccountId = read.ReaderAccountId,
        ReaderRole = Cut(read.ReaderRole, 10),
        ReaderName = Cut(read.ReaderName, NameLength),
        StaffRole = read.StaffRole is null ? null : Cut(read.StaffRole, 10),
        Kind = Cut(read.Kind, 10),
        What = Cut(read.What, 50),
        ObjectId = read.ObjectId,
        Allowed = read.Allowed,
        ReadUtc = read.ReadUtc,
    };

    public AccessLogEntry ToEntry() => new(Id, ProfileId, ReaderAccountId, ReaderRole, ReaderName, StaffRole, Kind, What, ObjectId, Allowed, ReadUtc);

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;
}
