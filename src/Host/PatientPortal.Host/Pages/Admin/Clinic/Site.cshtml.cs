using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Clinic;

/// <summary>Staff create a site (no id) or edit one.</summary>
public sealed class SiteModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SiteForm Input { get; set; } = new();

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

        if (catalog.Sites.FirstOrDefault(s => s.Id == id) is not { } site)
        {
            return NotFound();
        }

        var d = site.Details;
        Input = new SiteForm { Name = d.Name, AddressLine = d.AddressLine, City = d.City, Province = d.Province, PostalCode = d.PostalCode, Phone = d.Phone, IsVirtual = d.IsVirtual };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var result = await mediator.Send(
            new SaveSite(id, new SiteDetails(Input.Name ?? "", Input.AddressLine, Input.City, Input.Province, Input.PostalCode, Input.Phone, Input.IsVirtual)),
            cancellationToken);
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

/// <summary>The site form, mapped by hand to <see cref="SiteDetails"/>.</summary>
public sealed class SiteForm
{
    public string? Name { get; set; }
    public string? AddressLine { get; set; }
    public string? City { get; set; }
    public string? Province { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public bool IsVirtual { get; set; }
}
