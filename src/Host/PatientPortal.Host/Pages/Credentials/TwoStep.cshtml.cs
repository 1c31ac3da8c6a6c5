using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Credentials;

/// <summary>
/// Two-step verification in the sign-in details: turn it on (app or email), new recovery codes, trusted browsers, and
/// turning it off. Anything that weakens it asks for a code from the factor (or a recovery code) first.
/// </summary>
// Keys, recovery codes and codes must not stay in any cache.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class TwoStepModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, ClinicFormat format) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SecondFactorView? View { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Notice { get; private set; }

    public bool EmailCodeSent { get; private set; }

    public ClinicFormat Format => format;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartEmailAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new StartEmailCodeSetUp(), cancellationToken);
        // Past the hour's limit the last code sent still works: keep its form on the page.
        EmailCodeSent = result.IsSuccess || result.Errors.Any(e => e.Key == AccountErrors.TooManyEmailCodes);
        return await AfterAsync(result, result.IsSuccess ? "TwoStep.EmailCodeSent" : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmEmailAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ConfirmEmailCode(User.SessionId() ?? Guid.Empty, Input.Code), cancellationToken);
        if (result.IsSuccess)
        {
            await PortalAuthentication.SignInAsync(HttpContext, result.Value.Session);
            RecoveryCodes = result.Value.RecoveryCodes;
        }
        else
        {
            EmailCodeSent = true;
        }

        return await AfterAsync(result, result.IsSuccess ? "TwoStep.EmailOn" : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new SendSecondFactorCode(), cancellationToken);
        return await AfterAsync(result, result.IsSuccess ? "TwoStep.CodeSent" : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RegenerateRecoveryCodes(Input.Code), cancellationToken);
        if (result.IsSuccess)
        {
            RecoveryCodes = result.Value;
        }

        return await AfterAsync(result, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new TurnOffSecondFactor(Input.Code), cancellationToken);
        return await AfterAsync(result, result.IsSuccess ? "TwoStep.TurnedOff" : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RevokeTrustedBrowser(id), cancellationToken);
        return await AfterAsync(result, result.IsSuccess ? "TwoStep.Revoked" : null, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Result result, string? notice, CancellationToken cancellationToken)
    {
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
        }

        Notice = notice;
        return await LoadAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetSecondFactor(), cancellationToken);
        if (view.IsFailure)
        {
            return Forbid();
        }

        View = view.Value;
        return Page();
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
    }
}
