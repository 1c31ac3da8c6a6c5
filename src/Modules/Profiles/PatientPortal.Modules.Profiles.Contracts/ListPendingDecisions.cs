using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>Staff only: what waits for a staff decision, oldest first: likely record matches and connection requests.</summary>
public sealed record ListPendingDecisions : IRequest<Result<PendingDecisions>>;

public sealed record PendingDecisions(IReadOnlyList<PendingLinkSuggestion> LinkSuggestions, IReadOnlyList<PendingConnectionRequest> ConnectionRequests);

/// <summary>A patient who registered on their own (<see cref="Account"/>, their new profile) and an existing record (<see cref="Record"/>).</summary>
public sealed record PendingLinkSuggestion(Guid SuggestionId, DateTimeOffset CreatedUtc, PatientSummary Account, PatientSummary Record);

/// <summary>The requester (their own profile) asks to act for <see cref="Record"/> as <see cref="Relationship"/>.</summary>
public sealed record PendingConnectionRequest(
    Guid RequestId, DateTimeOffset CreatedUtc, string? RequesterFirstName, string? RequesterLastName, Relationship Relationship, PatientSummary Record);
