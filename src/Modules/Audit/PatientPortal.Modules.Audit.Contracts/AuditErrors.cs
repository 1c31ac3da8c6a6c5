namespace PatientPortal.Modules.Audit.Contracts;

/// <summary>The Audit module's expected failures; the host shows each as a localized message of the same key.</summary>
public static class AuditErrors
{
    /// <summary>
    /// The account may not see this profile's log now: no active link, or a proxy that does not hold every permission
    /// on the profile. The same answer as for an unknown profile (no tell).
    /// </summary>
    public const string NotFound = "Audit.NotFound";

    /// <summary>The export's window is not a window: "to" is not after "from", or it is longer than <see cref="ExportFileAccesses.MaxDays"/> days.</summary>
    public const string WindowInvalid = "Audit.WindowInvalid";
}
