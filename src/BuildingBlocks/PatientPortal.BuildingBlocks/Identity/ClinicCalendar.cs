using Microsoft.Extensions.Configuration;

namespace PatientPortal.BuildingBlocks.Identity;

/// <summary>
/// The clinic's calendar: "today" and ages are counted in the clinic's time zone ("Clinic:TimeZone",
/// America/Montreal by default), not the server's, so a birthday starts at local midnight. It also knows the province's
/// age of consent to care ("Clinic:AgeOfConsent", Quebec: 14), which both Accounts (who may hold an account) and
/// Profiles (when a parent's access ends) apply.
/// </summary>
public sealed class ClinicCalendar(TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Clinic:TimeZone"] ?? "America/Montreal");

    public int AgeOfConsent { get; } = configuration.GetValue("Clinic:AgeOfConsent", 14);

    public TimeZoneInfo Zone => _zone;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    /// <summary>The instant a clinic day begins: local midnight, or the first valid minute after it on a DST change.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        while (_zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, _zone), TimeSpan.Zero);
    }

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }

    public int Age(DateOnly birthDate) => AgeOn(birthDate, Today);

    /// <summary>From the first instant of the birthday, clinic time (a 29 February birthday counts on 28 February).</summary>
    public bool HasReachedAgeOfConsent(DateOnly birthDate) => birthDate <= AgeOfConsentCutoff;

    /// <summary>
    /// The latest birth date of a person who has reached the age of consent today: for queries ("DateOfBirth &lt;= cutoff").
    /// On 28 February of a common year it is 29 February when that year was a leap year, as <see cref="AgeOn"/> counts.
    /// </summary>
    public DateOnly AgeOfConsentCutoff => AgeOfConsentCutoffOn(Today);

    /// <summary>
    /// <see cref="AgeOfConsentCutoff"/> as it will be on <paramref name="day"/>: whoever is born on or before it has
    /// reached the age of consent by that day (for "within the next 30 days" queries).
    /// </summary>
    public DateOnly AgeOfConsentCutoffOn(DateOnly day)
    {
        var cutoff = day.AddYears(-AgeOfConsent);
        return day is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(day.Year) && DateTime.IsLeapYear(cutoff.Year)
            ? new DateOnly(cutoff.Year, 2, 29)
            : cutoff;
    }

    /// <summary>The day a person born on <paramref name="birthDate"/> reaches the age of consent.</summary>
    public DateOnly AgeOfConsentDay(DateOnly birthDate) => birthDate.AddYears(AgeOfConsent);
}
