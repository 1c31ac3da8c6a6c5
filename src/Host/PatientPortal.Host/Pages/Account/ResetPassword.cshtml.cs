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
public sealed class ResetPasswordModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PasswordResetView? Reset { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ResetPassword(Token ?? "", Input.Email, Input.Password, Input.ConfirmPassword, Input.Pin, Input.Code), cancellationToken);
        if (result.IsSuccess)
        {
            Done = true;
            return Page();
        }

        // When the failure spent the link, reloading it already says so: show that message once.
        await LoadAsync(cancellationToken);
        if (Reset is not null)
        {
            ModelState.AddResultErrors(result, localizer);
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var reset = await mediator.Send(new GetPasswordReset(Token ?? ""), cancellationToken);
        if (reset.IsSuccess)
        {
            Reset = reset.Value;
        }
        else
        {
            ModelState.AddResultErrors(reset, localizer);
        }
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
        public string? Pin { get; set; }
        public string? Code { get; set; }
    }
}
