using Microsoft.Extensions.Configuration;

namespace PatientPortal.BuildingBlocks.Identity;

/// <summary>
/// The clinic's calendar: "today" and ages are counted in the clinic's time zone ("Clinic:TimeZone",
/// America/Montreal by default), not the server's, so a birthday starts at local midnight.
/// </summary>
public sealed class ClinicCalendar(TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Clinic:TimeZone"] ?? "America/Montreal");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }

    public int Age(DateOnly birthDate) => AgeOn(birthDate, Today);
}
