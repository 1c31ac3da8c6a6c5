namespace PatientPortal.Modules.Audit.Contracts;

/// <summary>
/// One access to a profile's file, as the access log keeps it (ADR 0019). <see cref="ReaderRole"/>: Self, Proxy, Staff;
/// <see cref="ReaderName"/> as the reader was named then; <see cref="StaffRole"/>: Admin or Staff (None: a patient
/// account that tried a staff page); <see cref="Kind"/>: page, document, download; <see cref="What"/>: the trail's fixed
/// name ("appointments", "communication", "export" …); <see cref="ObjectId"/>: the one thing opened, by id, never its
/// content; <see cref="Allowed"/>: false for a refusal ("tried to open").
/// </summary>
public sealed record AccessLogEntry(
    Guid Id,
    Guid ProfileId,
    Guid ReaderAccountId,
    string ReaderRole,
    string ReaderName,
    string? StaffRole,
    string Kind,
    string What,
    Guid? ObjectId,
    bool Allowed,
    DateTimeOffset ReadUtc);

/// <summary>A page of a profile's log, newest first: <see cref="Page"/> of <see cref="PageCount"/>, <see cref="Total"/> accesses in all.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Rows, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The reader roles the log holds.</summary>
public static class AccessLogRoles
{
    public const string Self = "Self";
    public const string Proxy = "Proxy";
    public const string Staff = "Staff";
}
