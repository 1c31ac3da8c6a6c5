using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Account;

/// <summary>The activation link's page: the Terms and Conditions, and the button that accepts them and activates the account.</summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class ActivateModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public ActivationView? Activation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetActivation(Token ?? ""), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        Activation = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string termsVersion, string? password, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new AcceptTermsAndActivate(Token ?? "", termsVersion, password, Request.Headers.UserAgent.ToString()), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            // A wrong password keeps the terms and the form for another try, while the link lives.
            var view = await mediator.Send(new GetActivation(Token ?? ""), cancellationToken);
            Activation = view.IsSuccess ? view.Value : null;
            return Page();
        }

        await PortalAuthentication.SignInAsync(HttpContext, result.Value);
        return LocalRedirect("/");
    }
}
