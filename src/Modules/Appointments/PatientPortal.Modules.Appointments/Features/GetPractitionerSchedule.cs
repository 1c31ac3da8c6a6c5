using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class GetPractitionerScheduleHandler(AppointmentsDbContext db, ICurrentAccount current)
    : IRequestHandler<GetPractitionerSchedule, Result<PractitionerSchedule>>
{
    public async Task<Result<PractitionerSchedule>> Handle(GetPractitionerSchedule request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var practitioner = await db.Practitioners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PractitionerId, cancellationToken);
        if (practitioner is null)
        {
            return Error.NotFound;
        }

        var blocks = await db.ScheduleBlocks.AsNoTracking().Where(b => b.PractitionerId == practitioner.Id).ToListAsync(cancellationToken);
        var siteIds = practitioner.Sites.Select(s => s.SiteId).Concat(blocks.Select(b => b.SiteId)).Distinct().ToList();
        var closed = await db.ScheduleExceptions.AsNoTracking()
            .Where(e => e.PractitionerId == practitioner.Id || (e.PractitionerId == null && (e.SiteId == null || siteIds.Contains(e.SiteId.Value))))
            .ToListAsync(cancellationToken);
        return new PractitionerSchedule(
            practitioner.Id, practitioner.DisplayName, practitioner.Active,
            [.. blocks.OrderBy(b => ((int)b.Day + 6) % 7).ThenBy(b => b.Start).ThenBy(b => b.EffectiveFrom)
                .Select(b => new ScheduleBlockView(b.Id, b.SiteId, b.Day, b.Start, b.End, b.SlotMinutes, [.. b.Types.Select(t => t.AppointmentTypeId)], b.EffectiveFrom, b.EffectiveUntil))],
            [.. closed.OrderBy(e => e.FirstDay).Select(e => new ClosedDaysView(e.Id, e.PractitionerId, e.SiteId, e.FirstDay, e.LastDay, e.Label))]);
    }
}
