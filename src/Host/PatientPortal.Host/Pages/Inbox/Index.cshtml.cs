using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Host.Pages.Inbox;

/// <summary>
/// The INBOX, DOCUMENTS, BILLS and SENT tabs of the selected profile: Date, From, Site, Type and Subject, unread rows in
/// bold, twenty a page. A tab the selected profile's link does not open is not only hidden: its page answers 404, as
/// does any tab when the browser's selected profile is no longer allowed; the module checks the permission again.
/// </summary>
[EnableRateLimiting(PortalRateLimits.TabReads)]
public sealed class IndexModel(IMediator mediator, ProfileSelection selection) : PageModel
{
    public string Tab { get; private set; } = "inbox";

    public CommunicationPage? List { get; private set; }

    // "page" is also Razor Pages' own route value (the page's name): read the number from the query string only.
    public async Task<IActionResult> OnGetAsync(string tab, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (InboxPages.FolderOf(tab) is not { } folder || !await selection.OpensAsync(tab, cancellationToken))
        {
            return NotFound();
        }

        Tab = tab;
        if (await selection.CurrentAsync(cancellationToken) is not { } selected)
        {
            return Page();
        }

        var list = await mediator.Send(new ListCommunications(selected.ProfileId, folder, Math.Clamp(pageNumber ?? 1, 1, 100_000)), cancellationToken);
        if (list.IsFailure)
        {
            return NotFound();
        }

        List = list.Value;
        return Page();
    }
}
