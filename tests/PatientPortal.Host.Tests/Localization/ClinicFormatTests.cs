using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.Host.Infrastructure;
using Shouldly;

namespace PatientPortal.Host.Tests.Localization;

public sealed class ClinicFormatTests
{
    private static readonly ClinicFormat Montreal = new(Options.Create(new ClinicOptions { TimeZone = "America/Montreal" }));

    // 03:30 UTC on March 1st is still February 28th in Montreal.
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 1, 3, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("fr-CA", "samedi 28 février 2026")]
    [InlineData("en-CA", "Saturday, February 28, 2026")]
    public void Dates_are_shown_in_the_clinic_s_time_zone_and_the_visitor_s_language(string culture, string expected)
    {
        using var _ = new CultureScope(culture);

        Montreal.Date(LateEvening).ShouldBe(expected);
    }

    [Theory]
    [InlineData("fr-CA", "28 février 2026 22 h 30")]
    [InlineData("en-CA", "February 28, 2026 10:30 p.m.")]
    public void A_day_and_time_read_like_the_guide_without_the_weekday(string culture, string expected)
    {
        using var _ = new CultureScope(culture);

        Montreal.DateTime(LateEvening).Replace('\u202f', ' ').Replace('\u00a0', ' ').ShouldBe(expected);
    }

    [Fact]
    public void A_time_follows_daylight_saving_in_the_clinic_s_time_zone()
    {
        using var _ = new CultureScope("en-CA");

        // 14:00 UTC is 9:00 in winter (UTC-5) and 10:00 after the March 8, 2026 change (UTC-4).
        Montreal.ToClinicTime(new DateTimeOffset(2026, 3, 7, 14, 0, 0, TimeSpan.Zero)).Hour.ShouldBe(9);
        Montreal.ToClinicTime(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.Zero)).Hour.ShouldBe(10);
    }

    [Theory]
    [InlineData("fr-CA", "1 234,50 $")]
    [InlineData("en-CA", "$1,234.50")]
    public void Money_is_formatted_per_culture(string culture, string expected)
    {
        using var _ = new CultureScope(culture);

        // ICU uses a narrow no-break space as the French group separator.
        ClinicFormat.Money(1234.50m).Replace('\u202f', ' ').Replace('\u00a0', ' ').ShouldBe(expected);
    }

    [Fact]
    public void A_date_of_birth_is_a_calendar_date_shown_as_the_guide_shows_it()
    {
        ClinicFormat.BirthDate(new DateOnly(1989, 4, 27)).ShouldBe("1989-04-27");
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _previous;
    }
}
