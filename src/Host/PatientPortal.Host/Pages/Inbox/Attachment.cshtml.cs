using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Host.Pages.Inbox;

/// <summary>
/// The patient side's attachment: the module authorizes (the account may open the communication's category for its
/// profile now) and finds the file by the communication's and the attachment's ids together; the stored path is the
/// server's own. Inline to view in a new window, <c>?download=true</c> to save it. Every download and refusal is on the
/// access trail (the module). Anything refused is 404.
/// </summary>
[EnableRateLimiting(PortalRateLimits.InboxReads)]
public sealed class AttachmentModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, bool download, CancellationToken cancellationToken) =>
        InboxPages.File(Response, await mediator.Send(new OpenAttachment(id, attachmentId), cancellationToken), download);
}
