namespace PatientPortal.Modules.Profiles;

/// <summary>The "Profiles" configuration section.</summary>
internal sealed class ProfilesOptions
{
    public const string Section = "Profiles";

    /// <summary>Connected Accounts attempts an account may make in a clinic day (each is audited; the next one is refused).</summary>
    public int MaxConnectionAttemptsPerDay { get; set; } = 5;

    /// <summary>
    /// Health card numbers a patient may try on their own record in a clinic day. Beyond it every try gets the same
    /// "cannot be saved online" answer, so Account settings cannot be used to test card numbers one after another.
    /// </summary>
    public int MaxCardChangesPerDay { get; set; } = 3;

    /// <summary>
    /// Days during which an account may not ask again for a person who declined its request or removed its access, or
    /// whose connection staff refused (the attempt gets the neutral answer and is audited as a cooldown).
    /// </summary>
    public int ConnectionCooldownDays { get; set; } = 30;
}
