namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// The clinic's password rule ("Accounts:Password"; the default is the user guide's: 8 characters or more with a
/// lowercase, an uppercase, a number and a special character). The module enforces it; the host reads it (it is
/// registered as a service) to describe it and to keep the browser's own checks in step.
/// </summary>
public sealed record PasswordRule
{
    public int MinimumLength { get; init; } = 8;
    public int MaximumLength { get; init; } = 128;
    public bool RequireLowercase { get; init; } = true;
    public bool RequireUppercase { get; init; } = true;
    public bool RequireDigit { get; init; } = true;
    public bool RequireSpecialCharacter { get; init; } = true;
}
