namespace PatientPortal.Host.Infrastructure;

/// <summary>The "Clinic" configuration section: who the portal belongs to, shown in the header and used for dates.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    public string Name { get; set; } = "PatientPortal";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>The language for visitors who have not chosen one and whose browser asks for neither French nor English.</summary>
    public string DefaultCulture { get; set; } = "fr-CA";

    public string TimeZone { get; set; } = "America/Montreal";
}
