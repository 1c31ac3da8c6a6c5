using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Found, and the account may act for its profile's Appointments now; anything else is "not found" (no tell).</summary>
internal sealed class GetAppointmentHandler(IMediator mediator, AppointmentReads reads) : IRequestHandler<GetAppointment, Result<AppointmentDetails>>
{
    public async Task<Result<AppointmentDetails>> Handle(GetAppointment request, CancellationToken cancellationToken)
    {
        var found = await reads.DetailsAsync(request.AppointmentId, cancellationToken);
        if (found is not { } appointment || !await mediator.Send(new MayActFor(appointment.Details.ProfileId, ProfileTabs.Appointments), cancellationToken))
        {
            return Error.NotFound;
        }

        return appointment.Details;
    }
}
