using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Admin;

/// <summary>Staff invite patients, see each invitation's state (sent, expired, locked, used) and re-send it.</summary>
public sealed class InvitationsModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, ClinicFormat format) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<InvitationSummary> Invitations { get; private set; } = [];

    // The code crosses the redirect in TempData: an encrypted, HttpOnly cookie that the next page read deletes. It is
    // never in a URL, so it leaves no trace in history, logs or Referer, and a reload cannot show it again.
    private const string SentKey = "Invitations.SentCode";

    /// <summary>Shown once after sending (and after a re-send, a new one): staff hand it over in person, by phone or on paper.</summary>
    public string? SentCode { get; private set; }

    public bool Sent { get; private set; }

    public string Date(DateTimeOffset instant) => format.DateTime(instant);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Reading TempData marks it for deletion: the code is on this response only. "" = sent, no code (Quebec variant).
        if (TempData[SentKey] is string code)
        {
            Sent = true;
            SentCode = code.Length > 0 ? code : null;
        }

        Input.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.DateOfBirth is null)
        {
            ModelState.AddModelError("Input.DateOfBirth", localizer["Validation.NotEmpty"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await mediator.Send(new InvitePatient(Input.Email, Input.FirstName, Input.LastName, Input.DateOfBirth.Value,
            Input.HealthCardNumber, Input.ClinicPatientId, Input.Language), cancellationToken);
        return await ShowAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(await mediator.Send(new ResendInvitation(id), cancellationToken), cancellationToken);

    // Post, redirect, get: a reload shows the list, never re-sends the invitation nor shows the code again.
    private async Task<IActionResult> ShowAsync(BuildingBlocks.Results.Result<InvitationSent> result, CancellationToken cancellationToken)
    {
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData[SentKey] = result.Value.ClinicCode ?? "";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = await mediator.Send(new ListInvitations(), cancellationToken);
        Invitations = list.IsSuccess ? list.Value : [];
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public DateOnly? DateOfBirth { get; set; }
        public string? HealthCardNumber { get; set; }
        public string? ClinicPatientId { get; set; }
        public string Language { get; set; } = "fr";
    }
}
