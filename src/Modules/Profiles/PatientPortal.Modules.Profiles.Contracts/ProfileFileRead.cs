using PatientPortal.BuildingBlocks.Messaging;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// One row of the access trail (security.md F29), told to the Audit module's access log ("Who saw my file", ADR 0019):
/// published in the same SaveChanges as the trail row, for every row, allowed or refused.
/// <list type="bullet">
/// <item><see cref="ReaderRole"/>: <c>Self</c> (the person's own account), <c>Proxy</c> (another account; no link at all
/// when it was refused), <c>Staff</c>.</item>
/// <item><see cref="ReaderName"/>: the reader's name at the time (a patient's or a proxy's own record; a staff member's
/// session name), <see cref="StaffRole"/> (Admin, Staff) for staff only.</item>
/// <item><see cref="Kind"/>: <see cref="FileReadKinds"/> (page, document, download); <see cref="What"/> the trail's fixed
/// name ("appointments", "communication", "export" …); <see cref="ObjectId"/> the one thing opened, by id. Never content.</item>
/// </list>
/// </summary>
public sealed record ProfileFileRead(
    Guid ProfileId,
    Guid ReaderAccountId,
    string ReaderRole,
    string ReaderName,
    string? StaffRole,
    string Kind,
    string What,
    Guid? ObjectId,
    bool Allowed,
    DateTimeOffset ReadUtc) : IntegrationEvent;

/// <summary>What kind of read a <see cref="ProfileFileRead"/> is.</summary>
public static class FileReadKinds
{
    /// <summary>A page that shows part of the file: a list, the settings, the clinic's record page, a staff list.</summary>
    public const string Page = "page";

    /// <summary>One item of the file opened: an appointment, a message, a document or a bill.</summary>
    public const string Document = "document";

    /// <summary>A file that left the portal: an attachment, the personal-information download.</summary>
    public const string Download = "download";
}
