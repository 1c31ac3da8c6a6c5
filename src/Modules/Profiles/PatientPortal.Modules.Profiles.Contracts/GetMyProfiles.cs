using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The profiles the signed-in account is linked to, active or revoked (a revoked link still shows, with its message): its
/// own first, then the others by name. A proxy link waiting for the person's consent is not shown to the proxy until the
/// person decides. Who is asking comes from the session, never from the request.
/// </summary>
public sealed record GetMyProfiles : IRequest<Result<IReadOnlyList<MyProfile>>>;

/// <summary>
/// One profile as the account sees it. <see cref="State"/> is the state now: a parent's link on the child's birthday of
/// consent (clinic time) is <see cref="AccessState.Revoked"/> with <see cref="LinkEndReason.AgeOfConsentReached"/>
/// before any job has marked it. <see cref="Tabs"/> are what the link opens while it is <see cref="AccessState.Active"/>.
/// </summary>
public sealed record MyProfile(
    Guid ProfileId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Relationship Relationship,
    AccessState State,
    ProfileTabs Tabs,
    DateTimeOffset? RevokedUtc,
    LinkEndReason? EndedBecause = null);

/// <summary>Why a link ended (the dashboard's message).</summary>
public enum LinkEndReason
{
    /// <summary>The person reached the age of consent: "This patient is passed the age of consent."</summary>
    AgeOfConsentReached,
    RevokedByStaff,
    RevokedByPatient,
    ConsentDeclined,
}
