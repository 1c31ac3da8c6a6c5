namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// Confirms the appointment an email's Confirm link names (the page's POST, never its GET), with the portal's rules
/// (<see cref="AppointmentActions"/>: inside the 72-hour window, a booked appointment only) and its race rules
/// (optimistic concurrency, one winner). Nobody is signed in: the confirmation is recorded without an account.
/// </summary>
internal sealed class ConfirmFromEmailHandler(AppointmentsDbContext db, EmailLinkTokens tokens, AppointmentWindows windows, TimeProvider clock)
    : IRequestHandler<ConfirmFromEmail, Result>
{
    public async Task<Result> Handle(ConfirmFromEmail request, CancellationToken cancellationToken) =>
        await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var appointment = await EmailLinkAppointment.FindAsync(db, tokens, request.Token, EmailAction.Confirm, cancellationToken);
            return appointment is null
                ? new Error(AppointmentsErrors.LinkInvalid)
                : await AppointmentActions.ConfirmAsync(db, appointment, by: null, windows, clock, cancellationToken);
        });
}
