using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>The staff queue: patients' connection requests (approve with tabs, or refuse) and likely record matches (confirm, or refuse).</summary>
public sealed class RequestsModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, ClinicFormat format) : PageModel
{
    public PendingDecisions Pending { get; private set; } = new([], []);

    public string? Notice { get; private set; }

    public string When(DateTimeOffset instant) => format.DateTime(instant);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[PatientPages.NoticeKey] as string;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid requestId, List<string>? tabs, CancellationToken cancellationToken) =>
        await DoneAsync(await mediator.Send(new DecideConnectionRequest(requestId, Approve: true, AccessForm.ParseTabs(tabs)), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRefuseAsync(Guid requestId, CancellationToken cancellationToken) =>
        await DoneAsync(await mediator.Send(new DecideConnectionRequest(requestId, Approve: false, ProfileTabs.None), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(Guid suggestionId, CancellationToken cancellationToken) =>
        await DoneAsync(await mediator.Send(new DecideLinkSuggestion(suggestionId, Confirm: true), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDismissAsync(Guid suggestionId, CancellationToken cancellationToken) =>
        await DoneAsync(await mediator.Send(new DecideLinkSuggestion(suggestionId, Confirm: false), cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(Result result, CancellationToken cancellationToken)
    {
        if (result.Errors.Contains(Error.Forbidden))
        {
            return Forbid();
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer, "");
            return await LoadAsync(cancellationToken);
        }

        TempData[PatientPages.NoticeKey] = "Admin.Patients.Decided";
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var pending = await mediator.Send(new ListPendingDecisions(), cancellationToken);
        if (pending.IsFailure)
        {
            return Forbid();
        }

        Pending = pending.Value;
        return Page();
    }
}
