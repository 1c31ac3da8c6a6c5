using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// The link's terms and the person's birth date, read once per request with the account's other links (<see cref="LinksThisRequest"/>:
/// one indexed, untracked, compiled read); the age rule is applied here, at this instant, on
/// every call, so no job has to have run for a birthday to end a parent's access.
/// </summary>
internal sealed class MayActForHandler(LinksThisRequest links, ICurrentAccount current, ClinicCalendar calendar) : IRequestHandler<MayActFor, bool>
{
    public async Task<bool> Handle(MayActFor request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return false;
        }

        var link = await links.FindAsync(accountId, request.ProfileId, cancellationToken);
        return link is not null && link.AllowsNow(request.Tab, calendar);
    }
}
