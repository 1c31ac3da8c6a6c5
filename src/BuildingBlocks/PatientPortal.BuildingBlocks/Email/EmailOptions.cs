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
        public bool EnableSsl { get; set; } = true;
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
