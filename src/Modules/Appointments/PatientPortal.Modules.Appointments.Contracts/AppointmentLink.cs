namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>The pages the module's emails link to. The module names the link; the host maps each name to its page, in one place.</summary>
public enum AppointmentLink
{
    /// <summary>Confirm an appointment from an email, without logging in (the token is in the query: <c>?t=</c>).</summary>
    EmailConfirm,

    /// <summary>Cancel an appointment from an email, without logging in (<c>?t=</c>).</summary>
    EmailCancel,
}

/// <summary>Implemented by the host: the path of the page behind each <see cref="AppointmentLink"/> (for example "/appointments/email/confirm").</summary>
public interface IAppointmentLinks
{
    string PathOf(AppointmentLink link);
}
