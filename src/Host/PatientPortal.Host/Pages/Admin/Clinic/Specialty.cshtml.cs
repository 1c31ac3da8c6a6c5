using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Clinic;

/// <summary>Staff create a specialty (no id) or rename one, in both languages.</summary>
public sealed class SpecialtyModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SpecialtyForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is null)
        {
            return Page();
        }

        var (catalog, refusal) = await ClinicPages.CatalogAsync(this, mediator, cancellationToken);
        if (catalog is null)
        {
            return refusal!;
        }

        if (catalog.Specialties.FirstOrDefault(s => s.Id == id) is not { } specialty)
        {
            return NotFound();
        }

        Input = new SpecialtyForm { NameEn = specialty.Name.En, NameFr = specialty.Name.Fr };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var result = await mediator.Send(new SaveSpecialty(id, new LocalizedName(Input.NameEn ?? "", Input.NameFr ?? "")), cancellationToken);
        if (ClinicPages.Refusal(this, result) is { } refusal)
        {
            return refusal;
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        TempData[ClinicPages.NoticeKey] = "Admin.Clinic.Saved";
        return Redirect("/admin/clinic");
    }
}

public sealed class SpecialtyForm
{
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
}
