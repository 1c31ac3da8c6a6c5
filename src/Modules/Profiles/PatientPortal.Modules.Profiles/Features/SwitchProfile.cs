using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Other profiles: the account chooses a profile to act for. Only a link active now is chosen; anything else is one
/// refusal (nothing says whether the profile exists), recorded on the read trail like the allowed switch.
/// </summary>
internal sealed class SwitchProfileHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<SwitchProfile, Result<SelectedProfile>>
{
    public async Task<Result<SelectedProfile>> Handle(SwitchProfile request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var link = await ActingFor.FindAsync(db, accountId, request.ProfileId, calendar, tracked: false, cancellationToken);
        link.RecordRead(db, accountId, request.ProfileId, "switch", clock.GetUtcNow());
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        if (!link.AllowedNow)
        {
            return new Error(ProfilesErrors.ProfileNotAvailable);
        }

        var profile = link.Profile!;
        return new SelectedProfile(profile.Id, profile.FirstName, profile.LastName, profile.DateOfBirth, link.Access!.Relationship, link.Tabs);
    }
}
