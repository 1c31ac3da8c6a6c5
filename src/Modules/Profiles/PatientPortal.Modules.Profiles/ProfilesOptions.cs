namespace PatientPortal.Modules.Profiles;

/// <summary>The "Profiles" configuration section.</summary>
internal sealed class ProfilesOptions
{
    public const string Section = "Profiles";

    /// <summary>Connected Accounts attempts an account may make in a clinic day (each is audited; the next one is refused).</summary>
    public int MaxConnectionAttemptsPerDay { get; set; } = 5;
}
