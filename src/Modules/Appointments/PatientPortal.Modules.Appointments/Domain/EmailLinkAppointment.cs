namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>
/// The appointment an email link's token names, if the token is good for <paramref name="action"/> and the
/// appointment has not changed since the email (same sequence); tracked, for the action to change it. Shared by the
/// three email-link slices.
/// </summary>
internal static class EmailLinkAppointment
{
    public static async Task<Appointment?> FindAsync(
        AppointmentsDbContext db, EmailLinkTokens tokens, string? token, EmailAction action, CancellationToken cancellationToken)
    {
        if (tokens.Read(token, action) is not { } named)
        {
            return null;
        }

        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == named.AppointmentId, cancellationToken);
        return appointment is not null && appointment.Sequence == named.Sequence ? appointment : null;
    }
}
