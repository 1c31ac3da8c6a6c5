using System.Globalization;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Profiles;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Test-only: a clock the browser tests can move forward, so that a child's 14th birthday can pass inside a test
/// (issue 8's e2e journey; ADR 0013). Off unless <c>Testing:ClockHook=true</c>, and refused at start-up outside
/// Development: a production portal has neither the setting nor the endpoint.
/// <list type="bullet">
/// <item><c>GET /testing/clock</c>: <c>{ "utcNow": "…", "offset": "…" }</c>.</item>
/// <item><c>POST /testing/clock?to=2031-02-18</c> with the header <c>X-Test-Clock: move</c> (local midnight of that day in the clinic's time zone) or
/// <c>?to=2031-02-18T05:00:00Z</c> (an instant), or <c>?advance=30.00:00:00</c> (a time span): moves the clock
/// forward, never back (Quartz's triggers would wait for the old future). Add <c>&amp;runAgeOfConsentJob=true</c> to run
/// the age-of-consent job at once; the answer then also carries <c>revoked</c> and <c>noticed</c>.</item>
/// </list>
/// Every instant the portal reads (sessions, tokens, birthdays, Quartz) comes from this clock; sessions idle longer than
/// their limit by the jump are over, so a test signs in again after moving it.
/// </summary>
internal static class TestClockHook
{
    public const string Setting = "Testing:ClockHook";
    public const string Path = "/testing/clock";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue(Setting, false);

    /// <summary>Before the building blocks (which add the system clock only when none is there).</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (!IsOn(configuration))
        {
            return;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{Setting} is on in the {environment.EnvironmentName} environment: the test clock is for Development only. Remove the setting.");
        }

        // A jump makes every trigger "misfired"; Quartz looks for those once per threshold (60 s by default), and the
        // mail and outbox jobs would stall that long after each move. One second keeps the e2e journey's mail flowing.
        services.Configure<Quartz.QuartzOptions>(o => o.Properties["quartz.jobStore.misfireThreshold"] = "1000");
        services.AddSingleton<OffsetClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<OffsetClock>());
    }

    public const string MoveHeader = "X-Test-Clock";

    public static void Map(WebApplication app)
    {
        if (!IsOn(app.Configuration))
        {
            return;
        }

        app.MapGet(Path, (OffsetClock clock) => Results.Json(new { utcNow = clock.GetUtcNow(), offset = clock.Offset })).AllowAnonymous();
        app.MapPost(Path, async (HttpRequest request, string? to, string? advance, bool? runAgeOfConsentJob, OffsetClock clock, ClinicCalendar calendar, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            // No antiforgery token here (test code posts it), so a header instead: a page on another site cannot send
            // one without a CORS preflight the portal never grants, so it cannot move a developer's clock.
            if (request.Headers[MoveHeader] != "move")
            {
                return Results.BadRequest(new { error = $"Send the header {MoveHeader}: move." });
            }

            var now = clock.GetUtcNow();
            DateTimeOffset target;
            if (to is not null && DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                target = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), calendar.Zone), TimeSpan.Zero);
            }
            else if (to is not null && DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                target = instant;
            }
            else if (advance is not null && TimeSpan.TryParse(advance, CultureInfo.InvariantCulture, out var span))
            {
                target = now + span;
            }
            else
            {
                return Results.BadRequest(new { error = "Give ?to=yyyy-MM-dd (local midnight), ?to=<ISO instant> or ?advance=d.hh:mm:ss." });
            }

            if (target < now)
            {
                return Results.BadRequest(new { error = $"The test clock only moves forward (it is {now:O})." });
            }

            clock.MoveTo(target);
            if (runAgeOfConsentJob != true)
            {
                return Results.Json(new { utcNow = clock.GetUtcNow(), offset = clock.Offset });
            }

            var (revoked, noticed) = await ProfilesModule.RunAgeOfConsentJobAsync(services, cancellationToken);
            return Results.Json(new { utcNow = clock.GetUtcNow(), offset = clock.Offset, revoked, noticed });
        }).AllowAnonymous().DisableAntiforgery();
    }

    /// <summary>The system clock plus an offset that only grows. Timestamps and timers stay real.</summary>
    internal sealed class OffsetClock : TimeProvider
    {
        private readonly Lock _gate = new();
        private TimeSpan _offset;

        public TimeSpan Offset
        {
            get
            {
                lock (_gate)
                {
                    return _offset;
                }
            }
        }

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;

        public void MoveTo(DateTimeOffset instant)
        {
            lock (_gate)
            {
                var offset = instant - TimeProvider.System.GetUtcNow();
                if (offset > _offset)
                {
                    _offset = offset;
                }
            }
        }
    }
}
