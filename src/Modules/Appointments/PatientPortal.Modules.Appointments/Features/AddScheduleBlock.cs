using PatientPortal.Modules.Accounts.Contracts;
using static PatientPortal.Modules.Appointments.Domain.ClinicAdminRules;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class AddScheduleBlockValidator : AbstractValidator<AddScheduleBlock>
{
    public AddScheduleBlockValidator()
    {
        RuleFor(r => r.Day).IsInEnum();
        RuleFor(r => r.End).Must((r, end) => end > r.Start).WithErrorCode(AppointmentsErrors.EndNotAfterStart);
        RuleFor(r => r.SlotMinutes).InclusiveBetween(MinSlotMinutes, MaxSlotMinutes)
            .WithErrorCode(AppointmentsErrors.SlotMinutesOutOfRange).WithState(_ => Range(MinSlotMinutes, MaxSlotMinutes));
        RuleFor(r => r.TypeIds).Must(t => t is { Count: > 0 }).WithErrorCode(AppointmentsErrors.NoTypeOffered);
        RuleFor(r => r.EffectiveUntil).Must((r, until) => until is null || until >= r.EffectiveFrom).WithErrorCode(AppointmentsErrors.LastDayBeforeFirst);
    }
}

/// <summary>
/// The practitioner (active) must work at the site (active), and each offered type must be active and either an
/// emergency category or of one of the practitioner's specialties.
/// </summary>
internal sealed class AddScheduleBlockHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<AddScheduleBlock, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(AddScheduleBlock request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var practitioner = await db.Practitioners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PractitionerId && p.Active, cancellationToken);
        if (practitioner is null)
        {
            return Error.NotFound;
        }

        if (!await db.Sites.AnyAsync(s => s.Id == request.SiteId && s.Active, cancellationToken))
        {
            return new Error(AppointmentsErrors.UnknownChoice, nameof(AddScheduleBlock.SiteId));
        }

        if (!practitioner.WorksAt(request.SiteId))
        {
            return new Error(AppointmentsErrors.NotAtSite, nameof(AddScheduleBlock.SiteId));
        }

        var typeIds = request.TypeIds.Distinct().ToList();
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id) && t.Active).ToListAsync(cancellationToken);
        if (types.Count != typeIds.Count)
        {
            return new Error(AppointmentsErrors.UnknownChoice, nameof(AddScheduleBlock.TypeIds));
        }

        if (types.Any(t => t.SpecialtyId is { } s && practitioner.Specialties.All(p => p.SpecialtyId != s)))
        {
            return new Error(AppointmentsErrors.TypeOutsideSpecialties, nameof(AddScheduleBlock.TypeIds));
        }

        var block = ScheduleBlock.Create(
            practitioner.Id, request.SiteId, request.Day, request.Start, request.End, request.SlotMinutes, typeIds, request.EffectiveFrom, request.EffectiveUntil);
        db.ScheduleBlocks.Add(block);
        await db.SaveChangesAsync(cancellationToken);
        return block.Id;
    }
}
