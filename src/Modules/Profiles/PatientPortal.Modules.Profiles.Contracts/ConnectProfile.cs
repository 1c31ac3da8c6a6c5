using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Connected Accounts (Quebec page): the signed-in account asks to act for another patient of the clinic, named by first
/// name, last name, date of birth and health insurance number (letters and digits only). A child under the age of consent
/// whose record names this account's sign-in email as guardian is connected at once, with every tab
/// (<see cref="ConnectOutcome.Connected"/>). Everything else gets the one neutral answer
/// <see cref="ConnectOutcome.Submitted"/>: another child's match (a request for staff), a person at or over the age of
/// consent (asked for their consent), no match, the caller's own record, a link that already exists, and an account
/// still in its cooldown for that person. The answer must not tell whether the clinic has such a patient.
/// Attempts are limited per account and clinic day (<see cref="ProfilesErrors.TooManyConnectionAttempts"/>, decided
/// before any search), and each one is audited with its true outcome.
/// </summary>
public sealed record ConnectProfile(
    string FirstName, string LastName, DateOnly DateOfBirth, string HealthInsuranceNumber, Relationship Relationship)
    : IRequest<Result<ConnectOutcome>>;

/// <summary>What the requester is told.</summary>
public enum ConnectOutcome
{
    /// <summary>The record names this account holder as guardian: connected, active, every tab.</summary>
    Connected,

    /// <summary>
    /// The neutral answer: "if these details match a patient of the clinic, the request will be reviewed and you will
    /// receive an email". Given for a match that waits for staff or for the person, and for no match alike.
    /// </summary>
    Submitted,
}
