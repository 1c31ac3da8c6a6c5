using Microsoft.Extensions.Options;

namespace PatientPortal.Modules.Appointments.Scheduling;

/// <summary>A free time: a practitioner at a site, from a start to an end (UTC).</summary>
internal sealed record Slot(Guid PractitionerId, Guid SiteId, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>
/// The free slots of a type: the weekly blocks (clinic time) that offer it, less the closed days, less the times the
/// practitioner is already busy anywhere, from now to the booking horizon. One home for the rule, used by the grid, by
/// "as soon as possible", and by the booking itself, which asks again under its lock instead of trusting the time the
/// browser sent. Nothing deactivated (type, its specialty, site, practitioner) is offered, nor a practitioner at a site
/// they no longer work at, or for a type of a specialty they no longer have. A local time that a spring-forward skips is not offered; an ambiguous one (fall back) is read as
/// standard time, as .NET does.
/// </summary>
internal sealed class SlotFinder(AppointmentsDbContext db, ClinicCalendar calendar, TimeProvider clock, IOptions<AppointmentsOptions> options)
{
    // No type lasts longer: appointments that started this long before a range may still overlap it.
    internal static readonly TimeSpan LongestAppointment = TimeSpan.FromHours(12);

    /// <summary>The last clinic day patients may book.</summary>
    public DateOnly LastBookableDay => calendar.Today.AddDays(options.Value.BookingHorizonDays);

    /// <summary>
    /// Free slots of <paramref name="type"/> at <paramref name="siteId"/> on clinic days <paramref name="firstDay"/> to
    /// <paramref name="lastDay"/>, for the given practitioners (or anyone whose block offers the type), soonest first.
    /// </summary>
    public async Task<IReadOnlyList<Slot>> FindAsync(
        AppointmentType type, Guid siteId, IReadOnlyCollection<Guid>? practitionerIds, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (firstDay < calendar.Today)
        {
            firstDay = calendar.Today;
        }

        if (lastDay > LastBookableDay)
        {
            lastDay = LastBookableDay;
        }

        if (firstDay > lastDay || !type.Active)
        {
            return [];
        }

        // Nothing deactivated is offered: the type (checked above, and asked again here: the caller's copy may be old), its
        // specialty, the site, the practitioner, asked in the blocks' query itself (one round trip fewer for the grid).
        // A block stays when staff take a site or a specialty from a practitioner (its history), but offers nothing then.
        var typeId = type.Id;
        var specialtyId = type.SpecialtyId;
        var blocks = await db.ScheduleBlocks.AsNoTracking()
            .Where(b => b.SiteId == siteId && b.EffectiveFrom <= lastDay && (b.EffectiveUntil == null || b.EffectiveUntil >= firstDay))
            .Where(b => practitionerIds == null || practitionerIds.Contains(b.PractitionerId))
            .Where(b => db.Practitioners.Any(p => p.Id == b.PractitionerId && p.Active && p.Sites.Any(s => s.SiteId == siteId)
                && (specialtyId == null || p.Specialties.Any(s => s.SpecialtyId == specialtyId))))
            .Where(b => b.Types.Any(t => t.AppointmentTypeId == typeId))
            .Where(b => db.Sites.Any(s => s.Id == siteId && s.Active))
            .Where(b => db.AppointmentTypes.Any(
                t => t.Id == typeId && t.Active && (t.SpecialtyId == null || db.Specialties.Any(s => s.Id == t.SpecialtyId && s.Active))))
            .ToListAsync(cancellationToken);
        blocks.RemoveAll(b => !b.Offers(type.Id));
        if (blocks.Count == 0)
        {
            return [];
        }

        var practitioners = blocks.Select(b => b.PractitionerId).Distinct().ToList();
        var closed = await db.ScheduleExceptions.AsNoTracking()
            .Where(e => e.FirstDay <= lastDay && e.LastDay >= firstDay)
            .Where(e => e.PractitionerId == null || practitioners.Contains(e.PractitionerId.Value))
            .ToListAsync(cancellationToken);
        var fromUtc = calendar.StartOf(firstDay);
        var untilUtc = calendar.StartOf(lastDay.AddDays(1));
        var earliestStart = fromUtc - LongestAppointment;
        var busy = (await db.Appointments.AsNoTracking()
                .Where(a => practitioners.Contains(a.PractitionerId) && a.StartUtc >= earliestStart && a.StartUtc < untilUtc && a.Status != AppointmentStatus.Cancelled)
                .Select(a => new { a.PractitionerId, a.StartUtc, a.EndUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.PractitionerId, a => (a.StartUtc, a.EndUtc));

        var slots = new List<Slot>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var block in blocks)
            {
                if (!block.AppliesOn(day) || closed.Any(e => e.Closes(block.PractitionerId, block.SiteId, day)))
                {
                    continue;
                }

                var endMinute = (int)block.End.ToTimeSpan().TotalMinutes;
                for (var minute = (int)block.Start.ToTimeSpan().TotalMinutes; minute + type.DurationMinutes <= endMinute; minute += block.SlotMinutes)
                {
                    if (ToUtc(day, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute))) is not { } start || start <= now)
                    {
                        continue;
                    }

                    var end = start + type.Duration;
                    if (!busy[block.PractitionerId].Any(b => b.StartUtc < end && start < b.EndUtc))
                    {
                        slots.Add(new Slot(block.PractitionerId, block.SiteId, start, end));
                    }
                }
            }
        }

        return [.. slots.DistinctBy(s => (s.PractitionerId, s.StartUtc)).OrderBy(s => s.StartUtc).ThenBy(s => s.PractitionerId)];
    }

    /// <summary>
    /// "As soon as possible": the first week (Monday to Sunday, clinic time), from the one holding <paramref name="from"/> to
    /// the horizon, with a free slot on or after <paramref name="from"/>, and those slots: the grid shows that week as it
    /// is, without working it out a second time. Searched a week at a time so a busy clinic costs a few queries, not one
    /// per day. Null when nothing is free up to the horizon.
    /// </summary>
    public async Task<(DateOnly Monday, IReadOnlyList<Slot> Slots)?> FirstWeekWithSlotAsync(
        AppointmentType type, Guid siteId, IReadOnlyCollection<Guid>? practitionerIds, DateOnly from, CancellationToken cancellationToken)
    {
        var first = from < calendar.Today ? calendar.Today : from;
        for (var monday = MondayOf(first); monday <= LastBookableDay; monday = monday.AddDays(7))
        {
            var slots = await FindAsync(type, siteId, practitionerIds, monday < first ? first : monday, monday.AddDays(6), cancellationToken);
            if (slots.Count > 0)
            {
                return (monday, slots);
            }
        }

        return null;
    }

    /// <summary>The Monday that begins the week of <paramref name="day"/>.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The clinic day an instant falls on.</summary>
    public DateOnly ClinicDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.Zone).DateTime);

    private DateTimeOffset? ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return calendar.Zone.IsInvalidTime(local) ? null : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.Zone), TimeSpan.Zero);
    }
}
