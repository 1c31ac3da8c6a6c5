using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>Staff only: what waits for a staff decision, oldest first: likely record matches and connection requests.</summary>
public sealed record ListPendingDecisions : IRequest<Result<PendingDecisions>>;

public sealed record PendingDecisions(IReadOnlyList<PendingLinkSuggestion> LinkSuggestions, IReadOnlyList<PendingConnectionRequest> ConnectionRequests);

/// <summary>
/// A patient who registered on their own (<see cref="Account"/>, their new profile) and an existing record
/// (<see cref="Record"/>), with what staff weigh before confirming (<see cref="Evidence"/>).
/// </summary>
public sealed record PendingLinkSuggestion(Guid SuggestionId, DateTimeOffset CreatedUtc, PatientSummary Account, PatientSummary Record, LinkSuggestionEvidence Evidence);

/// <summary>
/// The account's sign-in email and creation date (from Accounts; null if Accounts does not know it as a patient account)
/// beside the record's contact and guardian emails, each compared with the sign-in email; and warnings: the record is
/// already someone's own (<see cref="RecordHasOwner"/>), has parent or guardian links (<see cref="RecordHasParentOrGuardian"/>),
/// or its person is under the age of consent (<see cref="UnderAgeOfConsent"/>: a child's record is not an adult's own).
/// </summary>
public sealed record LinkSuggestionEvidence(
    string? AccountEmail,
    DateTimeOffset? AccountCreatedUtc,
    string? RecordContactEmail,
    EmailComparison ContactEmail,
    string? RecordGuardianEmail,
    EmailComparison GuardianEmail,
    bool RecordHasOwner,
    bool RecordHasParentOrGuardian,
    bool UnderAgeOfConsent);

/// <summary>An email on the record compared with the account's sign-in email (case and spaces aside).</summary>
public enum EmailComparison
{
    /// <summary>The record has no such email, or the account's email is unknown.</summary>
    Unknown,
    Same,
    Different,
}

/// <summary>The requester (their own profile) asks to act for <see cref="Record"/> as <see cref="Relationship"/>.</summary>
public sealed record PendingConnectionRequest(
    Guid RequestId, DateTimeOffset CreatedUtc, string? RequesterFirstName, string? RequesterLastName, Relationship Relationship, PatientSummary Record);
