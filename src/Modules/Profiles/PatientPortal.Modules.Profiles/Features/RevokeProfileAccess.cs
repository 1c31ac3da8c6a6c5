namespace PatientPortal.Modules.Profiles.Features;

/// <summary>As <see cref="ChangeProfilePermissionsHandler"/>: one of two competing changes wins, the other is told.</summary>
internal sealed class RevokeProfileAccessHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<RevokeProfileAccess, Result>
{
    public Task<Result> Handle(RevokeProfileAccess request, CancellationToken cancellationToken) =>
        StaffLinks.ChangeAsync(db, current, calendar, clock, request.AccessId, request.Version, (access, staff, now) =>
            (access.Revoke(RevocationReason.RevokedByStaff, staff, ConsentBasis.StaffDecision, now),
             new ProfileAccessRevoked(access.AccountId, access.ProfileId, nameof(RevocationReason.RevokedByStaff))), cancellationToken);
}
