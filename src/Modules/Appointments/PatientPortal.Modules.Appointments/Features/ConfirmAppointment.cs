using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// Confirms under optimistic concurrency: against a cancel (patient's or clinic's) racing it, whichever saves first
/// wins and the other decides again on the new state: a cancelled appointment is never confirmed.
/// </summary>
internal sealed class ConfirmAppointmentHandler(
    AppointmentsDbContext db, ICurrentAccount current, IMediator mediator, ReadTrail trail, AppointmentWindows windows, TimeProvider clock)
    : IRequestHandler<ConfirmAppointment, Result>
{
    public async Task<Result> Handle(ConfirmAppointment request, CancellationToken cancellationToken) =>
        await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var appointment = await AppointmentActions.FindForSignedInAsync(db, mediator, trail, request.AppointmentId, "appointment-confirm", cancellationToken);
            return appointment is null
                ? Error.NotFound
                : await AppointmentActions.ConfirmAsync(db, appointment, current.AccountId, windows, clock, cancellationToken);
        });
}
