using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Cancels under optimistic concurrency, as <see cref="ConfirmAppointmentHandler"/>: one defined winner.</summary>
internal sealed class CancelAppointmentHandler(
    AppointmentsDbContext db, ICurrentAccount current, IMediator mediator, ReadTrail trail, AppointmentWindows windows, AppointmentMail mail, TimeProvider clock)
    : IRequestHandler<CancelAppointment, Result>
{
    public async Task<Result> Handle(CancelAppointment request, CancellationToken cancellationToken) =>
        await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var appointment = await AppointmentActions.FindForSignedInAsync(db, mediator, trail, request.AppointmentId, "appointment-cancel", cancellationToken);
            return appointment is null
                ? Error.NotFound
                : await AppointmentActions.CancelAsync(db, appointment, current.AccountId, windows, mail, clock, cancellationToken);
        });
}
