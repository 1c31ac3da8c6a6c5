using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>
/// What an email link's page shows, without logging in: the token alone names the appointment (nobody's session is
/// asked, the account it was sent to must still have access), and what is shown is what the guide's details show but the reason and the visit message: practitioner,
/// site, date, type, duration, and which action the windows allow now. Reading changes nothing.
/// </summary>
internal sealed class GetAppointmentFromEmailHandler(AppointmentsDbContext db, IMediator mediator, ReadTrail trail, EmailLinkTokens tokens, AppointmentReads reads)
    : IRequestHandler<GetAppointmentFromEmail, Result<EmailAppointment>>
{
    public async Task<Result<EmailAppointment>> Handle(GetAppointmentFromEmail request, CancellationToken cancellationToken)
    {
        if (await EmailLinkAppointment.FindAsync(db, mediator, trail, tokens, request.Token, request.Action, cancellationToken) is not { } link
            || await reads.DetailsAsync(link.Appointment.Id, cancellationToken) is not { } found)
        {
            return new Error(AppointmentsErrors.LinkInvalid);
        }

        await trail.RecordForAsync(link.Recipient, link.Appointment.ProfileId, "appointment-email-link", link.Appointment.Id, allowed: true, cancellationToken);
        var d = found.Details;
        return new EmailAppointment(d.PractitionerName, d.Site, d.StartUtc, d.TypeName, d.DurationMinutes, d.Status, d.CanConfirm, d.CanCancel, d.CancelDeadlineUtc);
    }
}
