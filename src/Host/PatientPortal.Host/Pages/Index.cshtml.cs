using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages;

/// <summary>The dashboard: sign-in details now; attached profiles and upcoming appointments when their modules land.</summary>
public sealed class IndexModel(IMediator mediator, ClinicFormat format, TimeProvider clock) : PageModel
{
    public SignInDetails? Details { get; private set; }

    public string Today { get; private set; } = "";

    public string PasswordChanged => Details is null ? "" : format.Day(Details.PasswordChangedUtc);

    public bool SignedOutOthers { get; private set; }

    /// <summary>"Sign out of all other sessions" (for a lost phone or a shared computer).</summary>
    public async Task<IActionResult> OnPostSignOutOthersAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SignOutOtherSessions(User.SessionId() ?? Guid.Empty), cancellationToken);
        SignedOutOthers = true;
        return await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var details = await mediator.Send(new GetSignInDetails(), cancellationToken);
        if (details.IsFailure)
        {
            return Forbid();
        }

        Details = details.Value;
        Today = format.Date(clock.GetUtcNow());
        return Page();
    }
}
