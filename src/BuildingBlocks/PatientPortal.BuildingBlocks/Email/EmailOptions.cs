using MailKit.Security;

namespace PatientPortal.BuildingBlocks.Email;

/// <summary>The "Email" configuration section: SMTP when Host is set, otherwise the pickup folder (Development).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "no-reply@patientportal.local";
    public string FromName { get; set; } = "PatientPortal";
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>A folder where each mail is written as an .eml file instead of being sent (the dev mailbox reads it).</summary>
    public string? PickupDirectory { get; set; }

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;

        /// <summary>
        /// <see cref="SmtpSecurity.Auto"/> (default): TLS from the first byte on port 465, otherwise STARTTLS, required.
        /// Plain text only when set to <see cref="SmtpSecurity.None"/>, and only to a relay on this machine (loopback).
        /// </summary>
        public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

        public string? UserName { get; set; }
        public string? Password { get; set; }

        // MailKit's own Auto would fall back to plain text when the server offers no STARTTLS: a downgrade we refuse.
        internal SecureSocketOptions SocketOptions => Security switch
        {
            SmtpSecurity.Auto => Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
    }
}

public enum SmtpSecurity
{
    Auto,
    SslOnConnect,
    StartTls,
    None,
}
