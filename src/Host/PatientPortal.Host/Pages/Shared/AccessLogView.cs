using Microsoft.Extensions.Localization;
using PatientPortal.Modules.Audit.Contracts;

namespace PatientPortal.Host.Pages.Shared;

/// <summary>
/// How an access-log row reads (ADR 0019), for the patient's page, the staff page and the export: who, what, the outcome.
/// On the patient's side, a refusal by an account that is not the person's own nor staff is "another portal account":
/// the name of an account that may not read this file is not given to the people who may (staff see it).
/// </summary>
public sealed record AccessLogView(AccessLogPage Log, bool ForStaff, string PageLink)
{
    /// <summary>The trail's fixed names the pages describe; any other reads as "part of the file".</summary>
    public static readonly IReadOnlySet<string> KnownWhats = new HashSet<string>(StringComparer.Ordinal)
    {
        "appointments", "appointment", "appointment-cancel", "appointment-confirm", "appointment-email-link",
        "communications", "communication", "attachment", "settings", "settings-summary", "settings-update",
        "notifications-update", "card-change", "card-refused", "export", "export-summary", "select", "switch",
        "admin-record", "admin-search", "admin-queue", "staff-calendar", "access-log",
    };

    public static string Who(AccessLogEntry row, bool forStaff, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(localizer);
        if (!forStaff && !row.Allowed && (row.ReaderRole == AccessLogRoles.Proxy || (row.ReaderRole == AccessLogRoles.Staff && row.StaffRole is not ("Admin" or "Staff"))))
        {
            return localizer["AccessLog.Who.OtherAccount"];
        }

        return row.ReaderRole switch
        {
            AccessLogRoles.Self => localizer["AccessLog.Who.Self", row.ReaderName],
            AccessLogRoles.Staff => localizer["AccessLog.Who.Staff", localizer["AccessLog.StaffRole." + (row.StaffRole is "Admin" or "Staff" ? row.StaffRole : "None")], row.ReaderName],
            _ => localizer["AccessLog.Who.Proxy", row.ReaderName],
        };
    }

    public static string What(AccessLogEntry row, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["AccessLog.What." + (KnownWhats.Contains(row.What) ? row.What : "other")];
    }

    public static string Kind(AccessLogEntry row, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["AccessLog.Kind." + (row.Kind is "page" or "document" or "download" ? row.Kind : "page")];
    }

    /// <summary>A short, non-health reference to the one thing opened: the last eight hex digits of its id (the random part).</summary>
    public static string? Reference(AccessLogEntry row) =>
        row?.ObjectId is { } id ? id.ToString("N", System.Globalization.CultureInfo.InvariantCulture)[^8..] : null;
}
