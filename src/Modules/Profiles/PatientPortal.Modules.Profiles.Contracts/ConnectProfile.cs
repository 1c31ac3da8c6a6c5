using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Connected Accounts (Quebec page): the signed-in account asks to act for another patient of the clinic, named by first
/// name, last name, date of birth and health insurance number (letters and digits only). A child under the age of consent
/// whose record names this account's sign-in email as guardian is connected at once, with every tab; any other child
/// becomes a request that staff approve; a person at or over the age of consent is asked for their consent. No match,
/// the caller's own record, and a link that already exists all give <see cref="ProfilesErrors.ConnectionNotPossible"/>.
/// Attempts are limited per account and clinic day, and each one is audited.
/// </summary>
public sealed record ConnectProfile(
    string FirstName, string LastName, DateOnly DateOfBirth, string HealthInsuranceNumber, Relationship Relationship)
    : IRequest<Result<ConnectOutcome>>;

/// <summary>What became of a Connected Accounts request that matched.</summary>
public enum ConnectOutcome
{
    /// <summary>The record names this account holder as guardian: connected, active, every tab.</summary>
    Connected,

    /// <summary>Your request was sent to the clinic (staff approve it).</summary>
    RequestSentToClinic,

    /// <summary>The person was asked for their consent; the link is pending until they approve.</summary>
    ConsentRequested,
}
