using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Audit.Contracts;

namespace PatientPortal.Host.Pages.Profiles;

/// <summary>
/// "Who saw my file" (issue 11, ADR 0019): every access to the selected profile's file, newest first, 25 a page. The
/// link names no profile: the selection cookie does, checked again by Profiles; a proxy without every permission on the
/// profile (or a refused selection) gets 404, the same as for nothing at all.
/// </summary>
public sealed class AccessLogModel(IMediator mediator, ProfileSelection selection) : PageModel
{
    public AccessLogPage? Log { get; private set; }

    public string ProfileName { get; private set; } = "";

    // "page" is also Razor Pages' own route value (the page's name): read the number from the query string only.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var selected = await selection.CurrentAsync(cancellationToken);
        if (selected is null || selection.RequestRefused)
        {
            return NotFound();
        }

        var log = await mediator.Send(new GetMyFileAccessLog(selected.ProfileId, Math.Clamp(pageNumber ?? 1, 1, 100_000)), cancellationToken);
        if (log.IsFailure)
        {
            return NotFound();
        }

        Log = log.Value;
        ProfileName = $"{selected.FirstName} {selected.LastName}";
        return Page();
    }
}
