using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Pages.Admin.Clinic;
using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Host.Pages.Admin.Inbox;

/// <summary>
/// The clinic's inbox of patient replies, latest first, unread in bold (<c>?unread=true</c>: only those), 25 a page;
/// "Write to a patient" opens the compose page. Staff with a second factor only (the folder's policy; the module checks
/// again).
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public PatientReplyPage Replies { get; private set; } = null!;

    public bool UnreadOnly { get; private set; }

    // "page" is also Razor Pages' own route value: the number comes from the query string only.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, bool unread, CancellationToken cancellationToken)
    {
        UnreadOnly = unread;
        var replies = await mediator.Send(new ListPatientReplies(Math.Clamp(pageNumber ?? 1, 1, 100_000), unread), cancellationToken);
        if (replies.IsFailure)
        {
            return ClinicPages.Refusal(this, replies) ?? Forbid();
        }

        Replies = replies.Value;
        return Page();
    }
}
