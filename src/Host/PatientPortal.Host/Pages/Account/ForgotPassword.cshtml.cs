using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class ForgotPasswordModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ForgotPassword(Email), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer, prefix: "");
            return Page();
        }

        Sent = true;
        return Page();
    }
}
