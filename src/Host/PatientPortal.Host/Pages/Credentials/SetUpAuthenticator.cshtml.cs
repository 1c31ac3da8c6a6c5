using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Credentials;

/// <summary>
/// Sets up the authenticator app: a QR code and the typed key, then a code from the app. Staff land here from the
/// admin area until they have done it (forced enrolment); confirming renews the cookie with the second-factor claim.
/// </summary>
// Keys, recovery codes and codes must not stay in any cache.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class SetUpAuthenticatorModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public AuthenticatorSetUp? SetUp { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool Forced => SecondFactorPages.StaffWithoutSecondFactor(User);

    public string Continue => Url.LocalOrHome(ReturnUrl);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ConfirmAuthenticator(User.SessionId() ?? Guid.Empty, Input.Code, Input.Password), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            return await LoadAsync(cancellationToken);
        }

        // The session passed its second factor on the server; the cookie says so from now on.
        await PortalAuthentication.SignInAsync(HttpContext, result.Value.Session);
        RecoveryCodes = result.Value.RecoveryCodes;
        return Page();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var setUp = await mediator.Send(new StartAuthenticatorSetUp(User.SessionId() ?? Guid.Empty), cancellationToken);
        if (setUp.IsFailure)
        {
            return setUp.Errors.Any(e => e.Key == AccountErrors.SecondFactorAlreadyOn) ? LocalRedirect("/account/two-step") : Forbid();
        }

        SetUp = setUp.Value;
        return Page();
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
        public string Password { get; set; } = "";
    }
}
