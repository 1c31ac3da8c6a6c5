using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>As <see cref="ChangeProfilePermissionsHandler"/>: one of two competing changes wins, the other is told.</summary>
internal sealed class RevokeProfileAccessHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<RevokeProfileAccess, Result>
{
    public async Task<Result> Handle(RevokeProfileAccess request, CancellationToken cancellationToken)
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
        db.AccessChanges.Add(access.Revoke(RevocationReason.RevokedByStaff, current.AccountId!.Value, ConsentBasis.StaffDecision, clock.GetUtcNow()));
        db.Publish(new ProfileAccessRevoked(access.AccountId, access.ProfileId, nameof(RevocationReason.RevokedByStaff)), clock);
        return await StaffLinks.SaveAsync(db, cancellationToken);
    }
}
