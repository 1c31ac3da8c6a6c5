using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: a clinic record in full, with every account linked to it and the recent changes to those links. Each read
/// is recorded in the access trail (security.md F29).
/// </summary>
public sealed record GetPatientRecord(Guid ProfileId) : IRequest<Result<PatientRecord>>;

/// <param name="HasReachedAgeOfConsent">At this instant, in the clinic's time zone: a proxy link now needs the person's consent.</param>
public sealed record PatientRecord(
    Guid ProfileId,
    PatientDetails Details,
    bool HasReachedAgeOfConsent,
    DateTimeOffset UpdatedUtc,
    IReadOnlyList<PatientLink> Links,
    IReadOnlyList<PatientAccessChange> RecentChanges);

/// <summary>
/// One account's link to the record. <see cref="State"/> is the state now (a parent's link is revoked from the child's
/// birthday of consent on, even before the daily job marks it). <see cref="AccountHolderFirstName"/>: the name on the
/// account's own profile. <see cref="Version"/> goes back with a change, so that a change made meanwhile is not overwritten.
/// </summary>
public sealed record PatientLink(
    Guid AccessId,
    Guid AccountId,
    string? AccountHolderFirstName,
    string? AccountHolderLastName,
    Relationship Relationship,
    AccessState State,
    ProfileTabs Tabs,
    bool PersonConsented,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? RevokedUtc,
    string? RevokedReason,
    int Version);

/// <summary>
/// One audited change to a link. <see cref="Kind"/>: Granted, PermissionsChanged, ConsentGiven, Revoked.
/// <see cref="Basis"/>: OwnRegistration, ClinicInvitation, StaffDecision, PatientConsent, GuardianOnFile, System.
/// </summary>
public sealed record PatientAccessChange(
    DateTimeOffset ChangedUtc,
    Guid AccountId,
    string Kind,
    Guid? ChangedBy,
    Guid? ConsentGivenBy,
    string Basis,
    Relationship Relationship,
    AccessState State,
    ProfileTabs Tabs);
