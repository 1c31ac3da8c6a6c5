using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Clinic;

/// <summary>The clinic's catalog for staff: sites, specialties, practitioners and appointment types, to create, edit, deactivate.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ClinicCatalog Catalog { get; private set; } = null!;

    public string? Notice { get; private set; }

    public string SpecialtyName(Guid id) => Catalog.Specialties.FirstOrDefault(s => s.Id == id) is { } s ? ClinicPages.In(s.Name) : "";

    public string SiteName(Guid id) => Catalog.Sites.FirstOrDefault(s => s.Id == id)?.Details.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[ClinicPages.NoticeKey] as string;
        var (catalog, refusal) = await ClinicPages.CatalogAsync(this, mediator, cancellationToken);
        if (catalog is null)
        {
            return refusal!;
        }

        Catalog = catalog;
        return Page();
    }

    /// <summary>Deactivates (or reactivates) one item; it is no longer offered for booking, its appointments stay.</summary>
    public async Task<IActionResult> OnPostActiveAsync(CatalogItem item, Guid id, bool active, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SetCatalogItemActive(item, id, active), cancellationToken);
        if (ClinicPages.Refusal(this, result) is { } refusal)
        {
            return refusal;
        }

        TempData[ClinicPages.NoticeKey] = active ? "Admin.Clinic.Reactivated" : "Admin.Clinic.Deactivated";
        return Redirect("/admin/clinic");
    }
}
