using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;

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
    public async Task<Result> Handle(ChangeProfilePermissions request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var link = await StaffLinks.FindAsync(db, request.AccessId, request.Version, calendar, cancellationToken);
        if (link.IsFailure)
        {
            return link;
        }

        var access = link.Value;
        db.AccessChanges.Add(access.ChangePermissions(request.Tabs, current.AccountId!.Value, clock.GetUtcNow()));
        db.Publish(new ProfileAccessChanged(access.AccountId, access.ProfileId, access.Relationship, access.State, access.Permissions), clock);
        return await StaffLinks.SaveAsync(db, cancellationToken);
    }
}
