using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Profiles;

/// <summary>
/// Other profiles: the account's profiles, and the POST that selects one. Profiles authorizes the choice (SwitchProfile)
/// before the browser remembers it; another family's id, a pending or ended link is a 404, logged and on the read trail.
/// </summary>
[EnableRateLimiting(PortalRateLimits.TabReads)]
public sealed class IndexModel(IMediator mediator, ProfileSelection selection) : PageModel
{
    public AttachedProfiles Attached { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var profiles = await mediator.Send(new GetMyProfiles(), cancellationToken);
        if (profiles.IsFailure)
        {
            return Forbid();
        }

        Attached = new AttachedProfiles(profiles.Value, (await selection.CurrentAsync(cancellationToken))?.ProfileId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid profileId, CancellationToken cancellationToken) =>
        await selection.SwitchAsync(profileId, cancellationToken) ? LocalRedirect("/") : NotFound();
}
