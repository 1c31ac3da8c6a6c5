using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Clinic;

/// <summary>
/// Staff create an appointment type (no id) or edit one: names and description in both languages, duration, specialty
/// (none for an emergency category), whether patients may book it online, and the visit-specific message.
/// </summary>
public sealed class TypeModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TypeForm Input { get; set; } = new();

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
            Input.BookableOnline = true;
            return Page();
        }

        if (Catalog.Types.FirstOrDefault(t => t.Id == id) is not { } type)
        {
            return NotFound();
        }

        var d = type.Details;
        Input = new TypeForm
        {
            NameEn = d.Name.En, NameFr = d.Name.Fr, DescriptionEn = d.Description?.En, DescriptionFr = d.Description?.Fr, DurationMinutes = d.DurationMinutes,
            SpecialtyId = d.SpecialtyId, Emergency = d.Emergency, BookableOnline = d.BookableOnline, VisitMessageEn = d.VisitMessage?.En, VisitMessageFr = d.VisitMessage?.Fr,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (!ModelState.IsValid)
        {
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var details = new AppointmentTypeDetails(
            new LocalizedName(Input.NameEn ?? "", Input.NameFr ?? ""), ClinicPages.Optional(Input.DescriptionEn, Input.DescriptionFr), Input.DurationMinutes ?? 0,
            Input.SpecialtyId, Input.BookableOnline, Input.Emergency, ClinicPages.Optional(Input.VisitMessageEn, Input.VisitMessageFr));
        var result = await mediator.Send(new SaveAppointmentType(id, details), cancellationToken);
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

public sealed class TypeForm
{
    public string? NameFr { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionEn { get; set; }
    public int? DurationMinutes { get; set; } = 20;
    public Guid? SpecialtyId { get; set; }
    public EmergencyCategory Emergency { get; set; }
    // An unchecked box posts nothing: false unless posted (a new type's form starts checked).
    public bool BookableOnline { get; set; }
    public string? VisitMessageFr { get; set; }
    public string? VisitMessageEn { get; set; }
}
