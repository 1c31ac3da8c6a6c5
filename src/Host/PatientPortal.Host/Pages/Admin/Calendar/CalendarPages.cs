using System.Globalization;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Calendar;

/// <summary>
/// What the staff calendar's pages share: where the calendar is (practitioner, day, span) in its query string, and the
/// slot's start in a link. The query only says what to show: every id is checked again by the module.
/// </summary>
public static class CalendarPages
{
    /// <summary>A resource key in TempData: the notice shows on the next page only.</summary>
    public const string NoticeKey = "Calendar.Notice";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Span(CalendarSpan span) => span == CalendarSpan.Week ? "week" : "day";

    public static CalendarSpan SpanOf(string? view) => string.Equals(view, "week", StringComparison.OrdinalIgnoreCase) ? CalendarSpan.Week : CalendarSpan.Day;

    public static string Url(Guid? practitionerId, DateOnly day, CalendarSpan span) =>
        practitionerId is { } id ? $"/admin/calendar?practitioner={id}&day={Date(day)}&view={Span(span)}" : $"/admin/calendar?day={Date(day)}&view={Span(span)}";

    /// <summary>A slot's start in a link: UTC, to the second ("2026-03-03T14:20:00Z"); only names the slot.</summary>
    public static string Start(DateTimeOffset startUtc) => startUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseStart(string? start) =>
        DateTimeOffset.TryParseExact(start, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed : null;

    public static string BookUrl(Guid practitionerId, CalendarSlot slot, CalendarSpan span) =>
        $"/admin/calendar/book?practitioner={practitionerId}&site={slot.SiteId}&start={Start(slot.StartUtc)}&view={Span(span)}";
}
