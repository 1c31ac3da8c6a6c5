using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Pages.Inbox;
using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Host.Pages.Admin.Inbox;

/// <summary>Staff: an attachment of any communication (staff with a second factor only; the module checks again and records the read).</summary>
public sealed class AttachmentModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, bool download, CancellationToken cancellationToken)
    {
        var opened = await mediator.Send(new StaffOpenAttachment(id, attachmentId), cancellationToken);
        return opened.Errors.Contains(BuildingBlocks.Results.Error.Forbidden) ? Forbid() : InboxPages.File(Response, opened, download);
    }
}
