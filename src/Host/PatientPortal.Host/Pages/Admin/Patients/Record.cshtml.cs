using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>
/// One clinic record for staff: edit it, see and change the accounts that may act for it, attach it to an account,
/// invite its patient to the portal. The record is the route's id; every other id a form carries only names a link of
/// it, and the module checks staff rights on each request. Each successful post redirects (a reload does not repeat it).
/// </summary>
public sealed class RecordModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, ClinicFormat format) : PageModel
{
    private const string SentKey = "Patients.InvitationCode";

    [BindProperty]
    public PatientForm Input { get; set; } = new();

    [BindProperty]
    public AttachForm Attach { get; set; } = new();

    [BindProperty]
    public InviteForm Invite { get; set; } = new();

    public PatientRecord Record { get; private set; } = null!;

    public string? Notice { get; private set; }

    public bool InvitationSent { get; private set; }

    /// <summary>Shown once, after sending: staff hand it over in person, by phone or on paper.</summary>
    public string? SentCode { get; private set; }

    public string When(DateTimeOffset instant) => format.DateTime(instant);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = TempData[PatientPages.NoticeKey] as string;
        if (TempData[SentKey] is string code)
        {
            InvitationSent = true;
            SentCode = code.Length > 0 ? code : null;
        }

        return await LoadAsync(id, keepInput: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (PatientPages.CheckForm(Input, ModelState, localizer) is not { } birth)
        {
            return await LoadAsync(id, keepInput: true, cancellationToken);
        }

        return await DoneAsync(id, await mediator.Send(new UpdatePatientProfile(id, Input.ToDetails(birth)), cancellationToken), "Admin.Patients.Saved", "Input", cancellationToken);
    }

    public async Task<IActionResult> OnPostPermissionsAsync(Guid id, Guid accessId, int version, List<string>? tabs, CancellationToken cancellationToken) =>
        await DoneAsync(id, await mediator.Send(new ChangeProfilePermissions(accessId, AccessForm.ParseTabs(tabs), version), cancellationToken),
            "Admin.Patients.PermissionsChanged", null, cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid accessId, int version, CancellationToken cancellationToken) =>
        await DoneAsync(id, await mediator.Send(new RevokeProfileAccess(accessId, version), cancellationToken), "Admin.Patients.AccessRevoked", null, cancellationToken);

    public async Task<IActionResult> OnPostAttachAsync(Guid id, CancellationToken cancellationToken)
    {
        if (AccessForm.ParseRelationship(Attach.Relationship) is not { } relationship)
        {
            ModelState.AddModelError("Attach.Relationship", localizer[ProfilesErrors.RelationshipInvalid]);
            return await LoadAsync(id, keepInput: false, cancellationToken);
        }

        var result = await mediator.Send(new AttachProfile(id, Attach.AccountEmail ?? "", relationship, AccessForm.ParseTabs(Attach.Tabs)), cancellationToken);
        var notice = result.IsSuccess && result.Value == AccessState.PendingConsent ? "Admin.Patients.AttachedPending" : "Admin.Patients.AttachedActive";
        return await DoneAsync(id, result, notice, "Attach", cancellationToken);
    }

    /// <summary>Accounts' invitation, from this record: its names, birth date, card, chart number and language; the email staff confirm.</summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new GetPatientRecord(id), cancellationToken);
        if (record.IsFailure)
        {
            return record.Errors.Contains(Error.NotFound) ? NotFound() : Forbid();
        }

        var details = record.Value.Details;
        var result = await mediator.Send(new InvitePatient(Invite.Email ?? "", details.FirstName, details.LastName, details.DateOfBirth,
            details.HealthInsuranceNumber, details.ClinicPatientId, details.PreferredLanguage, ProfileId: id), cancellationToken);
        if (result.IsFailure)
        {
            return await FailedAsync(id, result, "Invite", cancellationToken);
        }

        TempData[SentKey] = result.Value.ClinicCode ?? "";
        return Redirect($"/admin/patients/{id}#invite");
    }

    private async Task<IActionResult> DoneAsync(Guid id, Result result, string notice, string? prefix, CancellationToken cancellationToken)
    {
        if (result.IsFailure)
        {
            return await FailedAsync(id, result, prefix, cancellationToken);
        }

        TempData[PatientPages.NoticeKey] = notice;
        return Redirect($"/admin/patients/{id}");
    }

    private async Task<IActionResult> FailedAsync(Guid id, Result result, string? prefix, CancellationToken cancellationToken)
    {
        if (result.Errors.Contains(Error.Forbidden))
        {
            return Forbid();
        }

        ModelState.AddResultErrors(result, localizer, prefix ?? "");
        return await LoadAsync(id, keepInput: prefix == "Input", cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, bool keepInput, CancellationToken cancellationToken)
    {
        var record = await mediator.Send(new GetPatientRecord(id), cancellationToken);
        if (record.IsFailure)
        {
            return record.Errors.Contains(Error.NotFound) ? NotFound() : Forbid();
        }

        Record = record.Value;
        if (!keepInput)
        {
            Input = PatientForm.From(Record.Details);
        }

        if (string.IsNullOrEmpty(Invite.Email))
        {
            Invite.Email = Record.Details.ContactEmail;
        }

        return Page();
    }

    public sealed class AttachForm
    {
        public string? AccountEmail { get; set; }
        public string? Relationship { get; set; }
        public List<string> Tabs { get; set; } = [];
    }

    public sealed class InviteForm
    {
        public string? Email { get; set; }
    }
}
