using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Appointments.Scheduling;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// The week grid, Monday to Sunday in clinic time: the SlotFinder's free slots, split at noon into Morning and
/// Afternoon, named by practitioner. Without a week, "As soon as possible" / "Anytime after" jump to the first week
/// with a slot (<see cref="SlotFinder.FirstWeekWithSlotAsync"/>, whose slots the grid shows); the arrows stop at this week and at the horizon.
/// </summary>
internal sealed class GetAvailabilitiesHandler(AppointmentsDbContext db, WizardCatalog catalog, SlotFinder finder, ClinicCalendar calendar)
    : IRequestHandler<GetAvailabilities, Result<AvailabilityWeek>>
{
    private static readonly TimeOnly Noon = new(12, 0);

    public async Task<Result<AvailabilityWeek>> Handle(GetAvailabilities request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken))
        {
            return Error.NotFound;
        }

        var type = request.Emergency
            ? await catalog.EmergencyTypeAsync(request.AppointmentTypeId, request.SiteId, cancellationToken)
            : request.PractitionerId is { } practitionerId
                ? await catalog.RoutineTypeAsync(request.AppointmentTypeId, practitionerId, request.SiteId, cancellationToken)
                : null;
        if (type is null)
        {
            return Error.NotFound;
        }

        IReadOnlyCollection<Guid>? practitioners = request.PractitionerId is { } one ? [one] : null;
        // Every day asked is brought inside today..horizon: a crafted year 9999 shows the last week, never an overflow.
        var today = calendar.Today;
        var last = finder.LastBookableDay;
        var after = Within(request.After ?? today, today, last);
        var thisMonday = SlotFinder.MondayOf(today);
        DateOnly monday;
        IReadOnlyList<Slot> slots;
        var nothing = false;
        if (request.Week is { } week)
        {
            monday = SlotFinder.MondayOf(Within(week, today, last));
            slots = await finder.FindAsync(type, request.SiteId, practitioners, monday, monday.AddDays(6), cancellationToken);
        }
        else if (await finder.FirstWeekWithSlotAsync(type, request.SiteId, practitioners, after, cancellationToken) is { } first)
        {
            (monday, slots) = first;
        }
        else
        {
            (monday, slots, nothing) = (SlotFinder.MondayOf(after), [], true);
        }

        var ids = slots.Select(s => s.PractitionerId).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Practitioners.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var byDay = slots.ToLookup(s => finder.ClinicDay(s.StartUtc));
        var days = new List<AvailabilityDay>();
        for (var day = monday; day < monday.AddDays(7); day = day.AddDays(1))
        {
            List<Slot> ofDay = day < after ? [] : [.. byDay[day]];
            var local = ofDay.Select(s => (Slot: new AvailableSlot(s.PractitionerId, names.GetValueOrDefault(s.PractitionerId, ""), s.StartUtc),
                Time: TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.StartUtc, calendar.Zone).DateTime))).ToList();
            days.Add(new AvailabilityDay(day, [.. local.Where(l => l.Time < Noon).Select(l => l.Slot)], [.. local.Where(l => l.Time >= Noon).Select(l => l.Slot)]));
        }

        var previous = monday > thisMonday ? monday.AddDays(-7) : (DateOnly?)null;
        var next = monday.AddDays(7) <= finder.LastBookableDay ? monday.AddDays(7) : (DateOnly?)null;
        return new AvailabilityWeek(monday, days, previous, next, nothing);
    }

    private static DateOnly Within(DateOnly day, DateOnly first, DateOnly last) => day < first ? first : day > last ? last : day;
}
