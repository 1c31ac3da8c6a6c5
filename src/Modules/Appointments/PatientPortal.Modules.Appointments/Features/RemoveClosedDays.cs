using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class RemoveClosedDaysHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<RemoveClosedDays, Result>
{
    public async Task<Result> Handle(RemoveClosedDays request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var closed = await db.ScheduleExceptions.SingleOrDefaultAsync(e => e.Id == request.ClosedDaysId, cancellationToken);
        if (closed is null)
        {
            return Error.NotFound;
        }

        db.ScheduleExceptions.Remove(closed);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
