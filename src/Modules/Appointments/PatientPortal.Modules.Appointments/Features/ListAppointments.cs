using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// Upcoming: not yet started, booked, confirmed or cancelled (a cancelled one stays in red until its time has passed, as
/// the guide colours it); history: everything that has started, latest first.
/// </summary>
internal sealed class ListAppointmentsHandler(IMediator mediator, AppointmentReads reads, ReadTrail trail, TimeProvider clock)
    : IRequestHandler<ListAppointments, Result<AppointmentLists>>
{
    public async Task<Result<AppointmentLists>> Handle(ListAppointments request, CancellationToken cancellationToken)
    {
        var allowed = await mediator.Send(new MayActFor(request.ProfileId, ProfileTabs.Appointments), cancellationToken);
        await trail.RecordAsync(request.ProfileId, "appointments", null, allowed, cancellationToken);
        if (!allowed)
        {
            return Error.NotFound;
        }

        var now = clock.GetUtcNow();
        var rows = await reads.RowsAsync([request.ProfileId], after: null, cancellationToken);
        return new AppointmentLists(
            [.. rows.Where(r => r.StartUtc > now).OrderBy(r => r.StartUtc)],
            [.. rows.Where(r => r.StartUtc <= now).OrderByDescending(r => r.StartUtc)]);
    }
}
