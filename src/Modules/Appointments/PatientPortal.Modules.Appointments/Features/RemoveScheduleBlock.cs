using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Appointments do not point to blocks, so a block is deleted; those already booked in it stay booked.</summary>
internal sealed class RemoveScheduleBlockHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<RemoveScheduleBlock, Result>
{
    public async Task<Result> Handle(RemoveScheduleBlock request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var block = await db.ScheduleBlocks.SingleOrDefaultAsync(b => b.Id == request.BlockId && b.PractitionerId == request.PractitionerId, cancellationToken);
        if (block is null)
        {
            return Error.NotFound;
        }

        db.ScheduleBlocks.Remove(block);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
