using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// Cancels the appointment an email's Cancel link names (the page's POST after "Are you sure?"), with the portal's
/// rules (<see cref="AppointmentActions"/>: until 48 hours before) and race rules; the cancellation notice and its
/// calendar file go out in the same save. The cancellation is recorded as the patient's, by the account the email was
/// sent to (whoever is signed in in that browser). The sequence moves on, so this email's links (and every older one) no longer open.
/// </summary>
internal sealed class CancelFromEmailHandler(
    AppointmentsDbContext db, IMediator mediator, ReadTrail trail, EmailLinkTokens tokens, AppointmentWindows windows, AppointmentMail mail, TimeProvider clock)
    : IRequestHandler<CancelFromEmail, Result>
{
    public async Task<Result> Handle(CancelFromEmail request, CancellationToken cancellationToken) =>
        await ConcurrencyRetry.RunAsync(db, async () =>
        {
            var found = await EmailLinkAppointment.FindAsync(db, mediator, trail, tokens, request.Token, EmailAction.Cancel, cancellationToken);
            return found is not { } link
                ? new Error(AppointmentsErrors.LinkInvalid)
                : await AppointmentActions.CancelAsync(db, link.Appointment, by: link.Recipient, windows, mail, clock, cancellationToken);
        });
}
