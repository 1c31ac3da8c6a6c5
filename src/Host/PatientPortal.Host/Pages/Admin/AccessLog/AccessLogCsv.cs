using System.Globalization;
using System.Text;
using PatientPortal.Modules.Audit.Contracts;

namespace PatientPortal.Host.Pages.Admin.AccessLog;

/// <summary>
/// The incident export as CSV (RFC 4180, UTF-8): a section of accesses, a blank line, a section of the profiles
/// affected. Column names are fixed English identifiers (a file for tools and registers, not a page). A cell that a
/// spreadsheet would run as a formula (=, +, -, @, after any spaces) is written with a leading apostrophe.
/// </summary>
internal static class AccessLogCsv
{
    public static string Write(AccessExport export, TimeZoneInfo zone)
    {
        var csv = new StringBuilder();
        Line(csv, "section", "read_utc", "read_clinic_time", "profile_id", "reader_account_id", "reader_role", "reader_name", "staff_role", "kind", "what", "object_id", "outcome");
        foreach (var a in export.Accesses)
        {
            Line(csv, "access", Utc(a.ReadUtc), Local(a.ReadUtc, zone), a.ProfileId.ToString(), a.ReaderAccountId.ToString(), a.ReaderRole, StaffNameOf(a),
                a.StaffRole ?? "", a.Kind, a.What, a.ObjectId?.ToString() ?? "", a.Allowed ? "allowed" : "refused");
        }

        if (export.Truncated)
        {
            Line(csv, "truncated", $"more than {ExportFileAccesses.MaxRows} accesses: export a narrower window");
        }

        csv.Append("\r\n");
        Line(csv, "section", "profile_id", "accesses", "refused", "first_utc", "last_utc");
        foreach (var p in export.Profiles)
        {
            Line(csv, "profile", p.ProfileId.ToString(), p.Accesses.ToString(CultureInfo.InvariantCulture), p.Refused.ToString(CultureInfo.InvariantCulture), Utc(p.FirstUtc), Utc(p.LastUtc));
        }

        return csv.ToString();
    }

    // Staff by name (who on the clinic's side); patients and proxies by account id only: their names beside profile ids
    // would tie people to files and families in a file that leaves the portal (ADR 0019, review).
    private static string StaffNameOf(AccessLogEntry access) => access.ReaderRole == AccessLogRoles.Staff ? access.ReaderName : "";

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] cells)
    {
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
    }

    private static string Cell(string value)
    {
        if (value.TrimStart().Length > 0 && value.TrimStart()[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
