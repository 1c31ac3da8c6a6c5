using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Inbox.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Inbox;

/// <summary>
/// Staff write to a patient record: find the patient (Profiles' staff search, posted so the name stays out of the URL),
/// then the category (Message, Document, Bill), subject, body, the sender shown (one of the clinic's active
/// practitioners, or its administration) and the site (one of its active sites), both chosen from Appointments' list,
/// type label, PDF attachments, and how many replies the patient may send (0: none). The module checks every file by
/// its content and size, the record, the sender and the site, and who asks; the page trusts nothing it posts.
/// Below the form: what the clinic already sent this patient.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ComposeModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Enough for <see cref="ComposeCommunication.MaxAttachments"/> files at the default 10 MB limit; the module checks each file.</summary>
    public const long MaxRequestBytes = (ComposeCommunication.MaxAttachments * 10L + 5) * 1024 * 1024;

    [BindProperty]
    public ComposeForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public PatientName? Patient { get; private set; }

    public PatientSearchPage? Results { get; private set; }

    public CommunicationPage? Sent { get; private set; }

    /// <summary>The clinic's active practitioners, offered as senders after its administration.</summary>
    public IReadOnlyList<CatalogName> Practitioners { get; private set; } = [];

    /// <summary>The clinic's active sites.</summary>
    public IReadOnlyList<CatalogName> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? profile, CancellationToken cancellationToken) =>
        await LoadAsync(profile, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", localizer["Validation.NotEmpty"]);
            return Page();
        }

        var found = await mediator.Send(new SearchPatients(Name: Input.Name, PageSize: 20), cancellationToken);
        if (found.IsFailure)
        {
            return Clinic.ClinicPages.Refusal(this, found) ?? Forbid();
        }

        Results = found.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? profile, CancellationToken cancellationToken)
    {
        if (profile is not { } profileId)
        {
            return NotFound();
        }

        var streams = new List<Stream>();
        try
        {
            var attachments = new List<AttachmentUpload>();
            foreach (var file in Files.Where(f => f.Length > 0))
            {
                var stream = file.OpenReadStream();
                streams.Add(stream);
                attachments.Add(new AttachmentUpload(file.FileName, stream));
            }

            var result = await mediator.Send(new ComposeCommunication(
                profileId,
                Input.Category,
                Input.Subject ?? "",
                Input.Body ?? "",
                ChosenId(Input.FromPractitionerId),
                ChosenId(Input.SiteId) ?? Guid.Empty,
                Input.TypeLabel ?? "",
                attachments,
                Input.RepliesAllowed,
                Input.FormId), cancellationToken);
            if (result.IsSuccess)
            {
                TempData[InboxAdminPages.NoticeKey] = "Inbox.Staff.Sent";
                return Redirect($"/admin/inbox/{result.Value}");
            }

            if (result.Errors.Contains(BuildingBlocks.Results.Error.Forbidden))
            {
                return Forbid();
            }

            ModelState.AddResultErrors(result, localizer);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }

        return await LoadAsync(profileId, cancellationToken) ?? Page();
    }

    /// <summary>
    /// A select's value as the module's id: empty is none (the clinic's administration); a value that is no id at all
    /// (a crafted form) becomes Guid.Empty, which names no practitioner or site, so the module refuses it like any other.
    /// </summary>
    internal static Guid? ChosenId(string? value) =>
        string.IsNullOrEmpty(value) ? null : Guid.TryParse(value, out var id) ? id : Guid.Empty;

    private async Task<IActionResult?> LoadAsync(Guid? profile, CancellationToken cancellationToken)
    {
        var clinic = await mediator.Send(new ListActivePractitionersAndSites(), cancellationToken);
        if (clinic.IsFailure)
        {
            return Clinic.ClinicPages.Refusal(this, clinic) ?? Forbid();
        }

        (Practitioners, Sites) = (clinic.Value.Practitioners, clinic.Value.Sites);
        if (profile is not { } profileId)
        {
            return null;
        }

        var names = await mediator.Send(new GetPatientNames([profileId]), cancellationToken);
        if (names.IsFailure)
        {
            return Clinic.ClinicPages.Refusal(this, names) ?? Forbid();
        }

        Patient = names.Value.Count > 0 ? names.Value[0] : null;
        if (Patient is null)
        {
            return NotFound();
        }

        var sent = await mediator.Send(new ListProfileCommunications(profileId), cancellationToken);
        Sent = sent.IsSuccess ? sent.Value : null;
        return null;
    }
}

public sealed class ComposeForm
{
    public string? Name { get; set; }

    public CommunicationCategory Category { get; set; } = CommunicationCategory.Message;

    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>A practitioner's id, or empty for the clinic's administration (checked by the module).</summary>
    public string? FromPractitionerId { get; set; }

    /// <summary>A site's id (checked by the module).</summary>
    public string? SiteId { get; set; }

    public string? TypeLabel { get; set; }

    public int RepliesAllowed { get; set; } = ComposeCommunication.DefaultRepliesAllowed;

    /// <summary>This form's one-time id, made when the form is drawn: sent twice, it makes one communication (review L6).</summary>
    public Guid FormId { get; set; } = Guid.NewGuid();
}
