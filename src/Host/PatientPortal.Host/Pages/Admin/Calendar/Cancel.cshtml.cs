using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Host.Pages.Admin.Clinic;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Calendar;

/// <summary>
/// The clinic cancels one appointment: "Are you sure?" with the appointment and a short note for staff (never in the
/// patient's email), Back and Cancel Appointment. The appointment is the route's id, found in the practitioner's day
/// the calendar came from; the module checks it again on the post.
/// </summary>
public sealed class CancelModel(IMediator mediator, ClinicCalendar calendar, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public CancelForm Input { get; set; } = new();

    public CalendarAppointment Appointment { get; private set; } = null!;

    public string PractitionerName { get; private set; } = "";

    public string BackUrl { get; private set; } = "/admin/calendar";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practitioner, DateOnly? day, string? view, CancellationToken cancellationToken) =>
        await LoadAsync(id, practitioner, day, view, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practitioner, DateOnly? day, string? view, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new StaffCancelAppointment(id, Input.Note ?? ""), cancellationToken);
        if (ClinicPages.Refusal(this, result) is { } refusal)
        {
            return refusal;
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return await LoadAsync(id, practitioner, day, view, cancellationToken) ?? Page();
        }

        TempData[CalendarPages.NoticeKey] = "Calendar.Cancelled";
        return Redirect(CalendarPages.Url(practitioner, day ?? calendar.Today, CalendarPages.SpanOf(view)));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid practitioner, DateOnly? day, string? view, CancellationToken cancellationToken)
    {
        var shown = day ?? calendar.Today;
        var result = await mediator.Send(new GetPractitionerCalendar(practitioner, shown, CalendarSpan.Day), cancellationToken);
        if (result.IsFailure)
        {
            return ClinicPages.Refusal(this, result) ?? NotFound();
        }

        if (result.Value.Appointments.FirstOrDefault(a => a.AppointmentId == id) is not { } appointment)
        {
            return NotFound();
        }

        Appointment = appointment;
        PractitionerName = result.Value.PractitionerName;
        BackUrl = CalendarPages.Url(practitioner, shown, CalendarPages.SpanOf(view));
        return null;
    }
}

public sealed class CancelForm
{
    public string? Note { get; set; }
}
