using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// The profile the portal acts on for this request (the left margin's name and date of birth, the tabs shown):
/// <paramref name="Requested"/> when the signed-in account's link to it is active now (age rule included), else the
/// account's own profile, with <see cref="SelectedProfile.RequestRefused"/> set. The host keeps only the id in a
/// cookie and asks this again on every request: the id is never trusted. Fails when the account has no own profile.
/// </summary>
public sealed record GetSelectedProfile(Guid? Requested) : IRequest<Result<SelectedProfile>>;

/// <summary>
/// The account chooses to act for this profile (Other profiles, the dashboard). Succeeds only for a link active now;
/// otherwise <see cref="ProfilesErrors.ProfileNotAvailable"/>, and the refusal is on the read trail.
/// </summary>
public sealed record SwitchProfile(Guid ProfileId) : IRequest<Result<SelectedProfile>>;

/// <summary>
/// The selected profile. <see cref="Tabs"/> are the tabs the link opens now (Self: all); the PROFILE tab is open for
/// any active link. <see cref="RequestRefused"/>: a profile was asked for and this is the account's own instead.
/// </summary>
public sealed record SelectedProfile(
    Guid ProfileId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Relationship Relationship,
    ProfileTabs Tabs,
    bool RequestRefused = false)
{
    public bool Opens(ProfileTabs tab) => Relationship == Relationship.Self || Tabs.HasFlag(tab);
}
