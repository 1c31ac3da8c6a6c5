using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Host.Pages.Admin.Clinic;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Calendar;

/// <summary>
/// The staff calendar (issue 9): a practitioner's day or week, with arrows, the appointments (patient, type, site,
/// status in colour and words), Arrived / No-show, a link to cancel, and the free slots to book for a patient.
/// </summary>
public sealed class IndexModel(IMediator mediator, ClinicCalendar calendar, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<PractitionerEntry> Practitioners { get; private set; } = [];

    public PractitionerCalendar? Calendar { get; private set; }

    public Guid? PractitionerId { get; private set; }

    public DateOnly Day { get; private set; }

    public CalendarSpan Span { get; private set; }

    public string? Notice { get; private set; }

    public IEnumerable<DateOnly> Days => Calendar is { } c
        ? Enumerable.Range(0, c.LastDay.DayNumber - c.FirstDay.DayNumber + 1).Select(c.FirstDay.AddDays)
        : [];

    public async Task<IActionResult> OnGetAsync(Guid? practitioner, DateOnly? day, string? view, CancellationToken cancellationToken)
    {
        Notice = TempData[CalendarPages.NoticeKey] as string;
        return await LoadAsync(practitioner, day, view, cancellationToken) ?? Page();
    }

    /// <summary>Arrived or no-show: the appointment's id is checked by the module (staff, not cancelled, its day has come).</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(Guid appointmentId, bool arrived, Guid? practitioner, DateOnly? day, string? view, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RecordAttendance(appointmentId, arrived), cancellationToken);
        if (ClinicPages.Refusal(this, result) is { } refusal)
        {
            return refusal;
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return await LoadAsync(practitioner, day, view, cancellationToken) ?? Page();
        }

        TempData[CalendarPages.NoticeKey] = arrived ? "Calendar.MarkedArrived" : "Calendar.MarkedNoShow";
        return Redirect(CalendarPages.Url(practitioner, day ?? calendar.Today, CalendarPages.SpanOf(view)));
    }

    private async Task<IActionResult?> LoadAsync(Guid? practitioner, DateOnly? day, string? view, CancellationToken cancellationToken)
    {
        var (catalog, refusal) = await ClinicPages.CatalogAsync(this, mediator, cancellationToken);
        if (catalog is null)
        {
            return refusal;
        }

        Practitioners = [.. catalog.Practitioners.OrderBy(p => !p.Active).ThenBy(p => p.Details.DisplayName, StringComparer.CurrentCulture)];
        PractitionerId = practitioner;
        Day = day ?? calendar.Today;
        Span = CalendarPages.SpanOf(view);
        if (practitioner is not { } id)
        {
            return null;
        }

        var result = await mediator.Send(new GetPractitionerCalendar(id, Day, Span), cancellationToken);
        if (result.IsFailure)
        {
            return ClinicPages.Refusal(this, result) ?? NotFound();
        }

        Calendar = result.Value;
        return null;
    }
}
