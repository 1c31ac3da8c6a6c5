using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>Staff create a clinic record (linked to no account), then land on it.</summary>
public sealed class NewModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PatientForm Input { get; set; } = new();

    public void OnGet() => Input.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en-CA" : "fr-CA";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PatientPages.CheckForm(Input, ModelState, localizer) is not { } birth)
        {
            return Page();
        }

        var result = await mediator.Send(new CreatePatientProfile(Input.ToDetails(birth)), cancellationToken);
        if (result.Errors.Contains(Error.Forbidden))
        {
            return Forbid();
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        TempData[PatientPages.NoticeKey] = "Admin.Patients.Created";
        return Redirect($"/admin/patients/{result.Value}");
    }
}
