using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Account;

/// <summary>The new address's link: Email + Clinic Code (the code sent to the old address), then Submit.</summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class ConfirmEmailModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ConfirmEmailChange(Token ?? "", Input.Email, Input.Code, User.SessionId()), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        Done = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Code { get; set; } = "";
    }
}
