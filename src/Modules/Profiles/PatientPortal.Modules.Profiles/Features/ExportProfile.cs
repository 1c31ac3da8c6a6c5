using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// The download link of the selected profile's record: checked at the instant of each download (a link copied before
/// the child's birthday of consent no longer works after it) and recorded as an export, allowed or refused.
/// </summary>
internal sealed class ExportProfileHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<ExportProfile, Result<ProfileSettings>>
{
    public Task<Result<ProfileSettings>> Handle(ExportProfile request, CancellationToken cancellationToken) =>
        ProfileSettingsRead.ReadAsync(db, current, calendar, clock, request.ProfileId, "export", cancellationToken);
}
