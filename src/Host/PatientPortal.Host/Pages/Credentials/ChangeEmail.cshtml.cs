using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Credentials;

[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class ChangeEmailModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RequestEmailChange(Input.Password, Input.NewEmail, Input.ConfirmEmail), cancellationToken);
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
        public string Password { get; set; } = "";
        public string NewEmail { get; set; } = "";
        public string ConfirmEmail { get; set; } = "";
    }
}
