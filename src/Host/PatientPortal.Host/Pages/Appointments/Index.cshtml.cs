using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Appointments;

/// <summary>
/// The APPOINTMENTS tab of the selected profile: Book an appointment, Emergency appointment, Upcoming Appointments and
/// Appointment History. 404 when the selected profile's link does not open the tab (as every sidebar tab).
/// </summary>
[EnableRateLimiting(PortalRateLimits.TabReads)]
public sealed class IndexModel(IMediator mediator, ProfileSelection selection) : PageModel
{
    public AppointmentLists? Lists { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await selection.OpensAsync("appointments", cancellationToken))
        {
            return NotFound();
        }

        if (await selection.CurrentAsync(cancellationToken) is not { } selected)
        {
            return Page();
        }

        var lists = await mediator.Send(new ListAppointments(selected.ProfileId), cancellationToken);
        if (lists.IsFailure)
        {
            return NotFound();
        }

        Lists = lists.Value;
        return Page();
    }
}
