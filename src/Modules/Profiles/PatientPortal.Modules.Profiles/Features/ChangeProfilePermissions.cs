namespace PatientPortal.Modules.Profiles.Features;

internal sealed class ChangeProfilePermissionsValidator : AbstractValidator<ChangeProfilePermissions>
{
    public ChangeProfilePermissionsValidator() =>
        RuleFor(r => r.Tabs).Must(t => (t & ~ProfileTabs.All) == 0).WithErrorCode(ProfilesErrors.TabsInvalid);
}

/// <summary>
/// The link's version is checked against the one staff saw, and the update is conditional on it in the database: of two
/// changes made from the same page, one is saved and the other gets <see cref="ProfilesErrors.ChangedMeanwhile"/>.
/// </summary>
internal sealed class ChangeProfilePermissionsHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<ChangeProfilePermissions, Result>
{
    public Task<Result> Handle(ChangeProfilePermissions request, CancellationToken cancellationToken) =>
        StaffLinks.ChangeAsync(db, current, calendar, clock, request.AccessId, request.Version, (access, staff, now) =>
        {
            var change = access.ChangePermissions(request.Tabs, staff, now);
            return (change, new ProfileAccessChanged(access.AccountId, access.ProfileId, access.Relationship, access.State, access.Permissions));
        }, cancellationToken);
}
