using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Profiles;

/// <summary>What _AttachedProfiles shows: the account's profiles (GetMyProfiles) and which one is selected.</summary>
public sealed record AttachedProfiles(IReadOnlyList<MyProfile> Profiles, Guid? SelectedId);
