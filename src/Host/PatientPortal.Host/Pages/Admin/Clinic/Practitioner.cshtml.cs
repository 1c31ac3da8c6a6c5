using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Clinic;

/// <summary>Staff create a practitioner (no id) or edit one: the name patients see, their specialties and sites.</summary>
public sealed class PractitionerModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PractitionerForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public ClinicCatalog Catalog { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (id is null)
        {
            return Page();
        }

        if (Catalog.Practitioners.FirstOrDefault(p => p.Id == id) is not { } practitioner)
        {
            return NotFound();
        }

        Input = new PractitionerForm
        {
            DisplayName = practitioner.Details.DisplayName, SpecialtyIds = [.. practitioner.Details.SpecialtyIds], SiteIds = [.. practitioner.Details.SiteIds],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var result = await mediator.Send(new SavePractitioner(id, new PractitionerDetails(Input.DisplayName ?? "", Input.SpecialtyIds, Input.SiteIds)), cancellationToken);
        if (ClinicPages.Refusal(this, result) is { } refusal)
        {
            return refusal;
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return await LoadAsync(cancellationToken) ?? Page();
        }

        TempData[ClinicPages.NoticeKey] = "Admin.Clinic.Saved";
        return Redirect("/admin/clinic");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var (catalog, refusal) = await ClinicPages.CatalogAsync(this, mediator, cancellationToken);
        Catalog = catalog!;
        return refusal;
    }
}

public sealed class PractitionerForm
{
    public string? DisplayName { get; set; }
    public List<Guid> SpecialtyIds { get; set; } = [];
    public List<Guid> SiteIds { get; set; } = [];
}
