using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>Account settings: the selected profile's record, for an account whose link is active now; every read and refusal is on the trail.</summary>
internal sealed class GetProfileSettingsHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetProfileSettings, Result<ProfileSettings>>
{
    public Task<Result<ProfileSettings>> Handle(GetProfileSettings request, CancellationToken cancellationToken) =>
        ProfileSettingsRead.ReadAsync(db, current, calendar, clock, request.ProfileId, "settings", cancellationToken);
}
