using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>The same read and the same rule as <see cref="MayActForHandler"/>, for the account the request names.</summary>
internal sealed class MayAccountActForHandler(LinksThisRequest links, ClinicCalendar calendar) : IRequestHandler<MayAccountActFor, bool>
{
    public async Task<bool> Handle(MayAccountActFor request, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(request.AccountId, request.ProfileId, cancellationToken);
        return link is not null && link.AllowsNow(request.Tab, calendar);
    }
}
