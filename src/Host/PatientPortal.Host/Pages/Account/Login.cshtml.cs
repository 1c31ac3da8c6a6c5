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
public sealed class LoginModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public bool NotActivated { get; private set; }

    public bool ActivationSent { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Url.LocalOrHome(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SignIn(Input.Email, Input.Password, Request.Headers.UserAgent.ToString()) 
        {
            KnownDevice = SecondFactorPages.KnownDevice(HttpContext),
            TrustedBrowser = SecondFactorPages.TrustedBrowser(HttpContext),
        }, cancellationToken);
        if (result.IsFailure)
        {
            NotActivated = result.Errors.Any(e => e.Key == AccountErrors.NotActivated);
            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        // Signs in, or goes on to the code step (two-step verification), or sends staff to set up their app first.
        return LocalRedirect(await SecondFactorPages.AfterPasswordAsync(HttpContext, result.Value, Url.LocalOrHome(ReturnUrl)));
    }

    /// <summary>"Send a new activation email", offered after a correct password on an account not activated yet.</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ResendActivation(Input.Email, Input.Password), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        ActivationSent = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
    }
}
