using PatientPortal.BuildingBlocks.Messaging;

namespace PatientPortal.Modules.Accounts.Contracts;

// A change of an account's credentials, for the modules that show it to the account (Activity's timeline, ADR 0018).
// The account id only: never the old or new address, and nothing of the password.

/// <summary>The account's password changed (from the credentials page, or by a reset link).</summary>
public sealed record PasswordChanged(Guid AccountId) : IntegrationEvent;

/// <summary>The account's sign-in email address changed (the emailed code was confirmed).</summary>
public sealed record EmailChanged(Guid AccountId) : IntegrationEvent;
