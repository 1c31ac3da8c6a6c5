using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Clinic;

/// <summary>
/// A practitioner's weekly blocks and closed days, to add and remove. The practitioner is the route's id; the module
/// checks every other id (site, types, block, closed days) and staff rights on each request.
/// </summary>
public sealed class ScheduleModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The closed days' scope: this practitioner, one site, or the whole clinic.</summary>
    public const string ScopePractitioner = "practitioner";
    public const string ScopeClinic = "clinic";

    [BindProperty]
    public BlockForm Block { get; set; } = new();

    [BindProperty]
    public ClosedForm Closed { get; set; } = new();

    public PractitionerSchedule Schedule { get; private set; } = null!;

    public ClinicCatalog Catalog { get; private set; } = null!;

    public string? Notice { get; private set; }

    public string SiteName(Guid? id) => Catalog.Sites.FirstOrDefault(s => s.Id == id)?.Details.Name ?? "";

    public string TypeName(Guid id) => Catalog.Types.FirstOrDefault(t => t.Id == id) is { } t ? ClinicPages.In(t.Details.Name) : "";

    /// <summary>The sites a block may use: where the practitioner works, still active.</summary>
    public IEnumerable<SiteEntry> WorkSites =>
        Catalog.Sites.Where(s => s.Active && Catalog.Practitioners.Single(p => p.Id == Schedule.PractitionerId).Details.SiteIds.Contains(s.Id));

    /// <summary>The types a block may offer: active, of the practitioner's specialties, or an emergency category.</summary>
    public IEnumerable<AppointmentTypeEntry> OfferableTypes =>
        Catalog.Types.Where(t => t.Active && (t.Details.SpecialtyId is not { } s || Catalog.Practitioners.Single(p => p.Id == Schedule.PractitionerId).Details.SpecialtyIds.Contains(s)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Notice = TempData[ClinicPages.NoticeKey] as string;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAddBlockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Block.Start is not { } start || Block.End is not { } end || Block.EffectiveFrom is not { } from || Block.Day is not { } day)
        {
            ModelState.AddModelError("Block", localizer["Validation.NotEmpty"]);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        var result = await mediator.Send(
            new AddScheduleBlock(id, Block.SiteId ?? Guid.Empty, day, start, end, Block.SlotMinutes ?? 0, Block.TypeIds, from, Block.EffectiveUntil), cancellationToken);
        return await DoneAsync(id, result, "Block", "Admin.Clinic.BlockAdded", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveBlockAsync(Guid id, Guid blockId, CancellationToken cancellationToken) =>
        await DoneAsync(id, await mediator.Send(new RemoveScheduleBlock(id, blockId), cancellationToken), "Block", "Admin.Clinic.BlockRemoved", cancellationToken);

    public async Task<IActionResult> OnPostAddClosedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Closed.FirstDay is not { } first || Closed.LastDay is not { } last)
        {
            ModelState.AddModelError("Closed", localizer["Validation.NotEmpty"]);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        (Guid? practitioner, Guid? site) scope = Closed.Scope switch
        {
            ScopePractitioner => (id, null),
            ScopeClinic => (null, null),
            var other when Guid.TryParse(other, out var siteId) => (null, siteId),
            _ => (id, null),
        };
        var result = await mediator.Send(new AddClosedDays(scope.practitioner, scope.site, first, last, Closed.Label ?? ""), cancellationToken);
        return await DoneAsync(id, result, "Closed", "Admin.Clinic.ClosedAdded", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveClosedAsync(Guid id, Guid closedId, CancellationToken cancellationToken) =>
        await DoneAsync(id, await mediator.Send(new RemoveClosedDays(closedId), cancellationToken), "Closed", "Admin.Clinic.ClosedRemoved", cancellationToken);

    private async Task<IActionResult> DoneAsync(Guid id, Result result, string prefix, string notice, CancellationToken cancellationToken)
    {
        if (ClinicPages.Refusal(this, result) is { } refusal)
        {
            return refusal;
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer, prefix);
            return await LoadAsync(id, cancellationToken) ?? Page();
        }

        TempData[ClinicPages.NoticeKey] = notice;
        return Redirect($"/admin/clinic/practitioners/{id}/schedule");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var schedule = await mediator.Send(new GetPractitionerSchedule(id), cancellationToken);
        if (schedule.IsFailure)
        {
            return ClinicPages.Refusal(this, schedule) ?? NotFound();
        }

        var (catalog, refusal) = await ClinicPages.CatalogAsync(this, mediator, cancellationToken);
        Schedule = schedule.Value;
        Catalog = catalog!;
        return refusal;
    }
}

public sealed class BlockForm
{
    public Guid? SiteId { get; set; }
    public DayOfWeek? Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
    public int? SlotMinutes { get; set; } = 20;
    public List<Guid> TypeIds { get; set; } = [];
    public DateOnly? EffectiveFrom { get; set; }
    public DateOnly? EffectiveUntil { get; set; }
}

public sealed class ClosedForm
{
    public string? Scope { get; set; } = ScheduleModel.ScopePractitioner;
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
    public string? Label { get; set; }
}
