using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Cancels under optimistic concurrency, as <see cref="ConfirmAppointmentHandler"/>: one defined winner.</summary>
internal sealed class CancelAppointmentHandler(AppointmentsDbContext db, ICurrentAccount current, IMediator mediator, AppointmentWindows windows, AppointmentMail mail, TimeProvider clock)
    : IRequestHandler<CancelAppointment, Result>
{
    public async Task<Result> Handle(CancelAppointment request, CancellationToken cancellationToken) =>
        await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == request.AppointmentId, cancellationToken);
            if (appointment is null || !await mediator.Send(new MayActFor(appointment.ProfileId, ProfileTabs.Appointments), cancellationToken))
            {
                return Error.NotFound;
            }

            return await AppointmentActions.CancelAsync(db, appointment, current.AccountId, windows, mail, clock, cancellationToken);
        });
}
