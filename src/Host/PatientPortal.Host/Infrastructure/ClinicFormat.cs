using System.Globalization;
using Microsoft.Extensions.Options;

namespace PatientPortal.Host.Infrastructure;

/// <summary>Shows instants in the clinic's time zone and amounts in dollars, both in the visitor's culture.</summary>
public sealed class ClinicFormat(IOptions<ClinicOptions> clinic)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    public DateTimeOffset ToClinicTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>"Sunday, March 1, 2026" / "dimanche 1 mars 2026".</summary>
    public string Date(DateTimeOffset instant) => ToClinicTime(instant).ToString("D", CultureInfo.CurrentCulture);

    /// <summary>"March 1, 2026" / "1 mars 2026": the long date without the weekday, as the guide shows dates.</summary>
    public string Day(DateTimeOffset instant)
    {
        var culture = CultureInfo.CurrentCulture;
        return ToClinicTime(instant).ToString(culture.DateTimeFormat.LongDatePattern.Replace("dddd", "", StringComparison.Ordinal).Trim(' ', ','), culture);
    }

    /// <summary>"March 1, 2026 9:15 a.m." / "1 mars 2026 09 h 15".</summary>
    public string DateTime(DateTimeOffset instant) => $"{Day(instant)} {ToClinicTime(instant).ToString("t", CultureInfo.CurrentCulture)}";

    /// <summary>A date of birth is a calendar date, not an instant: ISO, as the guide shows it (1989-04-27).</summary>
    public static string BirthDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"$1,234.50" / "1 234,50 $".</summary>
    public static string Money(decimal amount) => amount.ToString("C", CultureInfo.CurrentCulture);
}
