using System.Globalization;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Scheduling;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// The appointments that start on the span's clinic days, with the patients' names from Profiles (staff only there too,
/// and each name read is on Profiles' access trail), and the free slots: for each site and type the practitioner's
/// weekly blocks offer, <see cref="SlotFinder"/>'s free slots, merged by site and start.
/// </summary>
internal sealed class GetPractitionerCalendarHandler(
    AppointmentsDbContext db, ICurrentAccount current, IMediator mediator, SlotFinder slots, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetPractitionerCalendar, Result<PractitionerCalendar>>
{
    private static string Language => CultureInfo.CurrentUICulture.Name;

    public async Task<Result<PractitionerCalendar>> Handle(GetPractitionerCalendar request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var practitioner = await db.Practitioners.AsNoTracking()
            .Where(p => p.Id == request.PractitionerId)
            .Select(p => new { p.Id, p.DisplayName, p.Active })
            .SingleOrDefaultAsync(cancellationToken);
        if (practitioner is null)
        {
            return Error.NotFound;
        }

        var first = request.Span == CalendarSpan.Week ? request.Day.AddDays(-(((int)request.Day.DayOfWeek + 6) % 7)) : request.Day;
        var last = request.Span == CalendarSpan.Week ? first.AddDays(6) : first;
        var fromUtc = calendar.StartOf(first);
        var untilUtc = calendar.StartOf(last.AddDays(1));
        var now = clock.GetUtcNow();
        var today = calendar.Today;

        var rows = await (
                from a in db.Appointments.AsNoTracking()
                where a.PractitionerId == practitioner.Id && a.StartUtc >= fromUtc && a.StartUtc < untilUtc
                join s in db.Sites on a.SiteId equals s.Id
                join t in db.AppointmentTypes on a.AppointmentTypeId equals t.Id
                orderby a.StartUtc
                select new { Appointment = a, SiteName = s.Name, TypeName = t.Name })
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.Appointment.ProfileId), cancellationToken);
        var appointments = rows.Select(r =>
        {
            var a = r.Appointment;
            var active = a.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed;
            return new CalendarAppointment(
                a.Id, a.ProfileId, names.GetValueOrDefault(a.ProfileId), a.StartUtc, a.EndUtc, r.TypeName.In(Language), r.SiteName, a.Status,
                a.CancelledByParty == CancelledBy.Clinic, a.CancelledNote, active && now < a.StartUtc,
                !a.IsCancelled && slots.ClinicDay(a.StartUtc) <= today);
        }).ToList();

        return new PractitionerCalendar(
            practitioner.Id, practitioner.DisplayName, practitioner.Active, first, last, appointments,
            await FreeSlotsAsync(practitioner.Id, first, last, cancellationToken));
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> profileIds, CancellationToken cancellationToken)
    {
        var ids = profileIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var names = await mediator.Send(new GetPatientNames(ids), cancellationToken);
        return names.IsSuccess ? names.Value.ToDictionary(n => n.ProfileId, n => $"{n.FirstName} {n.LastName}") : [];
    }

    private async Task<List<CalendarSlot>> FreeSlotsAsync(Guid practitionerId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var blocks = await db.ScheduleBlocks.AsNoTracking()
            .Where(b => b.PractitionerId == practitionerId && b.EffectiveFrom <= last && (b.EffectiveUntil == null || b.EffectiveUntil >= first))
            .ToListAsync(cancellationToken);
        var offered = blocks.SelectMany(b => b.Types.Select(t => (b.SiteId, TypeId: t.AppointmentTypeId))).Distinct().ToList();
        var typeIds = offered.Select(o => o.TypeId).Distinct().ToList();
        var siteIds = offered.Select(o => o.SiteId).Distinct().ToList();
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id) && t.Active).ToDictionaryAsync(t => t.Id, cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        var free = new List<(Slot Slot, AppointmentType Type)>();
        foreach (var (siteId, typeId) in offered)
        {
            if (types.TryGetValue(typeId, out var type))
            {
                free.AddRange((await slots.FindAsync(type, siteId, [practitionerId], first, last, cancellationToken)).Select(s => (s, type)));
            }
        }

        return [.. free
            .GroupBy(f => (f.Slot.SiteId, f.Slot.StartUtc))
            .OrderBy(g => g.Key.StartUtc).ThenBy(g => sites[g.Key.SiteId], StringComparer.CurrentCulture)
            .Select(g => new CalendarSlot(g.Key.SiteId, sites[g.Key.SiteId], g.Key.StartUtc, [.. g
                .Select(f => new CalendarSlotType(f.Type.Id, f.Type.Name.In(Language), f.Type.DurationMinutes, f.Type.BookableOnline))
                .OrderBy(t => t.Name, StringComparer.CurrentCulture)]))];
    }
}
