namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// How long a session lives ("Accounts:IdleTimeout", "Accounts:AbsoluteSessionLifetime"). The module ends sessions at
/// these limits; the host reads them (a registered service) for the cookie's lifetime and the idle warning.
/// </summary>
public sealed record SessionLimits(TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime);
