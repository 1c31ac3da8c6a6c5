using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Account;

/// <summary>The clinic invitation's link: Email, Clinic Code, Password, Confirm Password, then Submit, then the terms.</summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class InvitationModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public InvitationView? Invitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new AcceptInvitation(
            Token ?? "", Input.Email, Input.Code, Input.Password, Input.ConfirmPassword,
            string.IsNullOrWhiteSpace(Input.Pin) ? null : Input.Pin.Trim(), Input.AcceptPrivacyPolicy), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage("/Account/Activate", new { token = result.Value });
        }

        // When the failure spent the invitation (locked), reloading it already says so: show that message once.
        await LoadAsync(cancellationToken);
        if (Invitation is not null)
        {
            ModelState.AddResultErrors(result, localizer);
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var invitation = await mediator.Send(new GetInvitation(Token ?? ""), cancellationToken);
        if (invitation.IsSuccess)
        {
            Invitation = invitation.Value;
        }
        else
        {
            ModelState.AddResultErrors(invitation, localizer);
        }
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Code { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
        public string? Pin { get; set; }
        public bool AcceptPrivacyPolicy { get; set; }
    }
}
