using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>
/// The appointment an email link's token names, if the token is good for <paramref name="action"/>, the appointment has
/// not changed since the email (same sequence), and the account the email went to may still act for the profile on
/// the Appointments tab now (a revoked proxy, or a parent at the child's age of consent, holds a dead link: ADR 0012);
/// tracked, for the action to change it. Shared by the three email-link slices; who is signed in plays no part.
/// </summary>
internal static class EmailLinkAppointment
{
    public static async Task<(Appointment Appointment, Guid Recipient)?> FindAsync(
        AppointmentsDbContext db, IMediator mediator, ReadTrail trail, EmailLinkTokens tokens, string? token, EmailAction action, CancellationToken cancellationToken)
    {
        if (tokens.Read(token, action) is not { } link)
        {
            return null;
        }

        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == link.AppointmentId, cancellationToken);
        if (appointment is null || appointment.Sequence != link.Sequence)
        {
            return null;
        }

        if (!await mediator.Send(new MayAccountActFor(link.Recipient, appointment.ProfileId, ProfileTabs.Appointments), cancellationToken))
        {
            await trail.RecordForAsync(link.Recipient, appointment.ProfileId, "appointment-email-link", appointment.Id, allowed: false, cancellationToken);
            return null;
        }

        return (appointment, link.Recipient);
    }
}
