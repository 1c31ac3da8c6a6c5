using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Host.Pages.Admin.Clinic;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Inbox.Contracts;

namespace PatientPortal.Host.Pages.Admin.Inbox;

/// <summary>
/// Staff: a thread with whose it is, newest first (opening it marks the patient's replies read for the clinic), its
/// attachments, "Write again" (a new clinic message in the thread, from one of the clinic's active practitioners or its
/// administration, the thread's sender first; the patient is emailed) and Delete (the module removes the rows, then the
/// files).
/// </summary>
public sealed class ThreadModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public WriteAgainForm Input { get; set; } = new();

    public StaffThreadView View { get; private set; } = null!;

    /// <summary>The clinic's active practitioners, offered as senders after its administration.</summary>
    public IReadOnlyList<CatalogName> Practitioners { get; private set; } = [];

    /// <summary>The sender chosen in the form: the one posted, else the thread's.</summary>
    public string ChosenSender => Input.FromPractitionerId ?? View.FromPractitionerId?.ToString() ?? "";

    /// <summary>
    /// The thread's practitioner was deactivated since: they are not offered, and the form would otherwise fall back to
    /// the administration without a word.
    /// </summary>
    public bool ThreadSenderGone => _practitionersRead && Input.FromPractitionerId is null && View.FromPractitionerId is { } sender && Practitioners.All(p => p.Id != sender);

    // An unreadable list is no sign that the practitioner left.
    private bool _practitionersRead;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    /// <summary>A POST that names no handler would render the page without its thread (review L11): nothing here.</summary>
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnPostWriteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new StaffWriteAgain(id, Input.Body ?? "", ComposeModel.ChosenId(Input.FromPractitionerId), Input.FormId), cancellationToken);
        if (result.IsSuccess)
        {
            TempData[InboxAdminPages.NoticeKey] = "Inbox.Staff.Written";
            return Redirect($"/admin/inbox/{id}");
        }

        if (Refused(result) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddResultErrors(result, localizer);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new DeleteCommunication(id), cancellationToken);
        if (Refused(result) is { } refusal)
        {
            return refusal;
        }

        TempData[InboxAdminPages.NoticeKey] = "Inbox.Staff.Deleted";
        return Redirect("/admin/inbox");
    }

    private IActionResult? Refused(BuildingBlocks.Results.Result result) =>
        result.Errors.Any(e => e.Key == InboxErrors.NotFound) ? NotFound() : ClinicPages.Refusal(this, result);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetStaffThread(id), cancellationToken);
        if (view.IsFailure)
        {
            return Refused(view) ?? NotFound();
        }

        View = view.Value;
        var clinic = await mediator.Send(new ListActivePractitionersAndSites(), cancellationToken);
        _practitionersRead = clinic.IsSuccess;
        Practitioners = clinic.IsSuccess ? clinic.Value.Practitioners : [];
        return null;
    }

    public sealed class WriteAgainForm
    {
        public string? Body { get; set; }

        /// <summary>A practitioner's id, or empty for the clinic's administration (checked by the module).</summary>
        public string? FromPractitionerId { get; set; }

        /// <summary>This form's one-time id, made when the page is drawn: sent twice, it writes once (review L6).</summary>
        public Guid FormId { get; set; } = Guid.NewGuid();
    }
}
