using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Found, and the account may act for its profile's Appointments now; anything else is "not found" (no tell). On the trail, refusals too.</summary>
internal sealed class GetAppointmentHandler(IMediator mediator, AppointmentReads reads, ReadTrail trail) : IRequestHandler<GetAppointment, Result<AppointmentDetails>>
{
    public async Task<Result<AppointmentDetails>> Handle(GetAppointment request, CancellationToken cancellationToken)
    {
        if (await reads.DetailsAsync(request.AppointmentId, cancellationToken) is not { } appointment)
        {
            return Error.NotFound;
        }

        var allowed = await mediator.Send(new MayActFor(appointment.Details.ProfileId, ProfileTabs.Appointments), cancellationToken);
        await trail.RecordAsync(appointment.Details.ProfileId, "appointment", request.AppointmentId, allowed, cancellationToken);
        return allowed ? appointment.Details : Error.NotFound;
    }
}
