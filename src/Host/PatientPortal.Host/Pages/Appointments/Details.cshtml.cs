using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Appointments;

/// <summary>
/// One appointment (a row of the tab or the dashboard): practitioner, site, date, type, duration, the visit message,
/// the cancel deadline, and Confirm Appointment / Cancel Appointment only inside their windows (the module decides;
/// outside them the guide's "call the clinic"). Another family's id, or a profile whose Appointments the account may no
/// longer open, is 404 on GET and POST alike.
/// </summary>
[EnableRateLimiting(PortalRateLimits.TabReads)]
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AppointmentDetails? Appointment { get; private set; }

    public string? Done { get; private set; }

    public string? Message { get; private set; }

    public bool Booked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Booked = Request.Query["booked"] == "true";
        Done = Request.Query["done"].ToString() is "confirmed" or "cancelled" ? Request.Query["done"].ToString() : null;
        return await LoadAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ConfirmAppointment(id), "confirmed", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new CancelAppointment(id), "cancelled", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, IRequest<Result> request, string done, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(request, cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/appointments/{id}?done={done}");
        }

        if (result.Errors.Any(e => e.Key == Error.NotFound.Key || e.Key == AppointmentsErrors.NotFound))
        {
            return NotFound();
        }

        var error = result.Errors[0];
        Message = localizer[error.Key, [.. error.Arguments]];
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await mediator.Send(new GetAppointment(id), cancellationToken);
        if (details.IsFailure)
        {
            return NotFound();
        }

        Appointment = details.Value;
        return Page();
    }
}
