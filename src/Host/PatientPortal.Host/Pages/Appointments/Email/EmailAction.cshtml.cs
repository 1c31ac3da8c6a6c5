using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Appointments.Email;

/// <summary>
/// An appointment email's Confirm or Cancel link, opened without logging in (the guide's "from your email"). The token
/// (<c>?t=</c>) alone names the appointment and the action. GET only shows it, with the button (mail scanners follow
/// links: nothing changes on GET); cancelling asks "Are you sure you want to cancel the appointment?" with Back and
/// Cancel Appointment. The POST carries the token back with the antiforgery token; the module checks the token and the
/// windows (72 h / 48 h) again. A bad, expired or used-up link gets a localized message and the way to log in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Credentials)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // it shows an appointment, to whoever holds the link
public sealed class EmailActionModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public EmailAction Action { get; private set; }

    public EmailAppointment? Appointment { get; private set; }

    public string? Message { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string action, CancellationToken cancellationToken)
    {
        Action = ActionOf(action);
        Done = Request.Query["done"].ToString() is "confirmed" or "cancelled" ? Request.Query["done"].ToString() : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken cancellationToken)
    {
        Action = ActionOf(action);
        var token = Token ?? "";
        var result = Action == EmailAction.Confirm
            ? await mediator.Send(new ConfirmFromEmail(token), cancellationToken)
            : await mediator.Send(new CancelFromEmail(token), cancellationToken);
        if (result.IsSuccess)
        {
            // The token of a cancelled appointment no longer reads it (its calendar sequence moved): say so plainly.
            Done = Action == EmailAction.Confirm ? "confirmed" : "cancelled";
            if (Action == EmailAction.Confirm)
            {
                await LoadAsync(cancellationToken);
            }

            return Page();
        }

        Message = MessageOf(result);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static EmailAction ActionOf(string action) => action == "cancel" ? EmailAction.Cancel : EmailAction.Confirm;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetAppointmentFromEmail(Token ?? "", Action), cancellationToken);
        if (found.IsSuccess)
        {
            Appointment = found.Value;
        }
        else if (Done is null)
        {
            Message ??= MessageOf(found);
        }
    }

    private string MessageOf(Result result)
    {
        var error = result.Errors[0];
        return localizer[error.Key, [.. error.Arguments]];
    }
}
