using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>
/// The staff queue: patients' connection requests (approve with tabs, or refuse) and likely record matches (confirm, or
/// refuse). A match shows its evidence (the account's sign-in email and creation date beside the record's emails, and
/// warnings); confirming asks how the person's identity was checked.
/// </summary>
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

    /// <summary>Confirm needs how staff checked the person's identity (one of <see cref="IdentityChecks"/>): without it, refused with its message.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid suggestionId, [FromForm] string? identityCheck, CancellationToken cancellationToken) =>
        await DoneAsync(await mediator.Send(new DecideLinkSuggestion(suggestionId, Confirm: true, IdentityCheckOf(identityCheck)), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDismissAsync(Guid suggestionId, CancellationToken cancellationToken) =>
        await DoneAsync(await mediator.Send(new DecideLinkSuggestion(suggestionId, Confirm: false), cancellationToken), cancellationToken);

    /// <summary>The ways staff may have checked an account holder's identity, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<IdentityCheck> IdentityChecks = [IdentityCheck.InPersonPhotoId, IdentityCheck.PhoneCardAndBirthDate, IdentityCheck.EmailOnFile];

    /// <summary>
    /// The colour of an email comparison: the sign-in email being the record's contact email speaks for the account
    /// ("good"), another address against it ("bad"); being the record's guardian email is a warning (a parent who
    /// registered with the child's card), another guardian address says nothing.
    /// </summary>
    public static string EmailBadge(EmailComparison comparison, bool guardian) => (comparison, guardian) switch
    {
        (EmailComparison.Same, false) => "badge good",
        (EmailComparison.Different, false) => "badge bad",
        (EmailComparison.Same, true) => "badge bad",
        _ => "badge neutral",
    };

    /// <summary>Only the names the form offers; anything else (a number, an unknown name) is no choice at all.</summary>
    private static IdentityCheck? IdentityCheckOf(string? value) =>
        IdentityChecks.Where(c => string.Equals(c.ToString(), value, StringComparison.Ordinal)).Select(c => (IdentityCheck?)c).FirstOrDefault();

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
