using PatientPortal.Modules.Appointments.Reading;
namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// Confirms the appointment an email's Confirm link names (the page's POST, never its GET), with the portal's rules
/// (<see cref="AppointmentActions"/>: inside the 72-hour window, a booked appointment only) and its race rules
/// (optimistic concurrency, one winner). The confirmation is recorded as by the account the email was sent to.
/// </summary>
internal sealed class ConfirmFromEmailHandler(AppointmentsDbContext db, IMediator mediator, ReadTrail trail, EmailLinkTokens tokens, AppointmentWindows windows, TimeProvider clock)
    : IRequestHandler<ConfirmFromEmail, Result>
{
    public async Task<Result> Handle(ConfirmFromEmail request, CancellationToken cancellationToken) =>
        await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var found = await EmailLinkAppointment.FindAsync(db, mediator, trail, tokens, request.Token, EmailAction.Confirm, cancellationToken);
            return found is not { } link
                ? new Error(AppointmentsErrors.LinkInvalid)
                : await AppointmentActions.ConfirmAsync(db, link.Appointment, by: link.Recipient, windows, clock, cancellationToken);
        });
}
