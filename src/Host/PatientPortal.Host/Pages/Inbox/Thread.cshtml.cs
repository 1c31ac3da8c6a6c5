using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Inbox.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Inbox;

/// <summary>
/// A communication (/inbox/{id}, also the emails' link, reached through login): its messages newest first, the
/// attachments (open in a new window, or download), the back arrow to the list, and Reply only while the clinic allows
/// it: 500 characters as the patient sees them (the module counts), the 911 warning, the clinic's disclaimer and its
/// required checkbox. Opening it marks it read and selects its profile (Profiles authorizes the switch). Another
/// family's id, or a category the account may not open for the profile, is 404 on GET and POST alike.
/// </summary>
[EnableRateLimiting(PortalRateLimits.InboxReads)]
public sealed class ThreadModel(IMediator mediator, ProfileSelection selection, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ReplyForm Input { get; set; } = new();

    public ThreadView Thread { get; private set; } = null!;

    /// <summary>The selected profile's name: replies from before writers were kept are signed with it.</summary>
    public string PatientName { get; private set; } = "";

    /// <summary>
    /// Who the reply form says is writing, as the module will keep it: a proxy "for" the profile's person (null: the
    /// person themselves, under <see cref="PatientName"/>).
    /// </summary>
    public ReplyWriter? Writer { get; private set; }

    /// <summary>The tab the back arrow returns to.</summary>
    public string BackTab { get; private set; } = "inbox";

    /// <summary>The reply form is open (Reply pressed, or a refused reply shown again).</summary>
    public bool Replying { get; private set; }

    public bool Sent { get; private set; }

    public string? ReplyError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? from, bool reply, bool sent, CancellationToken cancellationToken)
    {
        Sent = sent;
        var loaded = await LoadAsync(id, from, cancellationToken);
        Replying = reply && loaded is PageResult && Thread.Reply.Allowed;
        await NameWriterAsync(cancellationToken);
        return loaded;
    }

    /// <summary>A POST that names no handler would render the page without its thread (review L11): nothing here.</summary>
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnPostReplyAsync(Guid id, string? from, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ReplyToCommunication(id, Input.Text ?? "", Input.Accepted), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/inbox/{id}?from={InboxPages.FolderOf(from) switch { null => "sent", _ => from }}&sent=true");
        }

        if (result.Errors.Any(e => e.Key == InboxErrors.NotFound || e.Key == BuildingBlocks.Results.Error.NotFound.Key))
        {
            return NotFound();
        }

        var error = result.Errors[0];
        ReplyError = localizer[error.Key, [.. error.Arguments]];
        var loaded = await LoadAsync(id, from, cancellationToken);
        Replying = Thread?.Reply.Allowed == true;
        await NameWriterAsync(cancellationToken);
        return loaded;
    }

    private async Task<IActionResult> LoadAsync(Guid id, string? from, CancellationToken cancellationToken)
    {
        var thread = await mediator.Send(new GetThread(id), cancellationToken);
        if (thread.IsFailure)
        {
            return NotFound();
        }

        Thread = thread.Value;
        var selected = await selection.CurrentAsync(cancellationToken);
        if (selected?.ProfileId != Thread.ProfileId)
        {
            // Opened from an email for another of the account's profiles: act for that one from now on.
            if (!await selection.SwitchAsync(Thread.ProfileId, cancellationToken))
            {
                return NotFound();
            }

            selected = await selection.CurrentAsync(cancellationToken);
        }

        PatientName = selected is null ? "" : $"{selected.FirstName} {selected.LastName}";
        BackTab = InboxPages.ListOf(from, Thread.Category);
        return Page();
    }

    // Only with the form on the page: the account's own name comes from its links (asked once per request).
    private async Task NameWriterAsync(CancellationToken cancellationToken)
    {
        var selected = await selection.CurrentAsync(cancellationToken);
        if (!Replying || selected is null || selected.Relationship == Relationship.Self)
        {
            return;
        }

        var links = await mediator.Send(new GetMyProfiles(), cancellationToken);
        if (links.IsSuccess && links.Value.FirstOrDefault(p => p.Relationship == Relationship.Self) is { } own)
        {
            Writer = new ReplyWriter($"{own.FirstName} {own.LastName}", PatientName);
        }
    }

    /// <summary>Characters as the patient sees them (an accented letter or an emoji is one), as the module counts.</summary>
    public static int TextElements(string? text) => text is null ? 0 : new StringInfo(text).LengthInTextElements;

    public sealed class ReplyForm
    {
        public string? Text { get; set; }

        public bool Accepted { get; set; }
    }
}
