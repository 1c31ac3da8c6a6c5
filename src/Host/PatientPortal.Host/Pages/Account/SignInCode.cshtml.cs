using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Account;

/// <summary>
/// The second step of a sign-in with two-step verification on: the code from the app or the email, or a recovery
/// code. The pending sign-in is named by the challenge cookie the password step set; the form carries no account id.
/// </summary>
[AllowAnonymous]
// Keys, recovery codes and codes must not stay in any cache.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class SignInCodeModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Trust { get; set; }

    public bool ByEmail => By == "email";

    // Only what the page shows: the server refuses to trust a staff member's browser whatever the form says.
    public bool CanTrust => Trust != "no";

    public IActionResult OnGet() => PendingChallenge is null ? LocalRedirect("/login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PendingChallenge is not { } challenge)
        {
            return LocalRedirect("/login");
        }

        var result = await mediator.Send(new VerifySignInCode(challenge, Input.Code, Input.TrustThisBrowser, Request.Headers.UserAgent.ToString()) { KnownDevice = SecondFactorPages.KnownDevice(HttpContext) }, cancellationToken);
        if (result.IsFailure)
        {
            if (result.Errors.Any(e => e.Key is AccountErrors.SecondFactorExpired or AccountErrors.TooManyAttempts))
            {
                SecondFactorPages.ForgetChallenge(HttpContext);
            }

            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        SecondFactorPages.ForgetChallenge(HttpContext);
        if (result.Value.TrustedBrowserToken is { } browser)
        {
            SecondFactorPages.TrustBrowser(HttpContext, browser, clock.GetUtcNow());
        }

        await PortalAuthentication.SignInAsync(HttpContext, result.Value);
        return LocalRedirect(Url.LocalOrHome(ReturnUrl));
    }

    private string? PendingChallenge => Request.Cookies[SecondFactorPages.ChallengeCookie(HttpContext)] is { Length: > 0 } token ? token : null;

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
        public bool TrustThisBrowser { get; set; }
    }
}
