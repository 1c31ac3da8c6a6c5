using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class AddClosedDaysValidator : AbstractValidator<AddClosedDays>
{
    public AddClosedDaysValidator()
    {
        RuleFor(r => r.LastDay).Must((r, last) => last >= r.FirstDay).WithErrorCode(AppointmentsErrors.LastDayBeforeFirst);
        RuleFor(r => r.Label).NotEmpty().MaximumLength(100);
    }
}

internal sealed class AddClosedDaysHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<AddClosedDays, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(AddClosedDays request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        if (request.PractitionerId is { } practitionerId && !await db.Practitioners.AnyAsync(p => p.Id == practitionerId, cancellationToken))
        {
            return Error.NotFound;
        }

        if (request.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken))
        {
            return new Error(AppointmentsErrors.UnknownChoice, nameof(AddClosedDays.SiteId));
        }

        var closed = ScheduleException.Create(request.PractitionerId, request.SiteId, request.FirstDay, request.LastDay, request.Label);
        db.ScheduleExceptions.Add(closed);
        await db.SaveChangesAsync(cancellationToken);
        return closed.Id;
    }
}
