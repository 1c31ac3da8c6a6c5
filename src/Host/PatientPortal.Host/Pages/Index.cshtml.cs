using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Host.Pages.Profiles;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages;

/// <summary>
/// The dashboard: sign-in details, the attached profiles with their state now (a child who reached the age of consent
/// shows the guide's message), and upcoming appointments when their module lands.
/// </summary>
public sealed class IndexModel(IMediator mediator, ClinicFormat format, TimeProvider clock, ProfileSelection selection) : PageModel
{
    public SignInDetails? Details { get; private set; }

    public string Today { get; private set; } = "";

    public string PasswordChanged => Details is null ? "" : format.Day(Details.PasswordChangedUtc);

    public bool SignedOutOthers { get; private set; }

    public AttachedProfiles Attached { get; private set; } = new([], null);

    public IReadOnlyList<AppointmentRow> Upcoming { get; private set; } = [];

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
        var profiles = await mediator.Send(new GetMyProfiles(), cancellationToken);
        var selected = await selection.CurrentAsync(cancellationToken);
        Attached = new AttachedProfiles(profiles.IsSuccess ? profiles.Value : [], selected?.ProfileId);
        var upcoming = await mediator.Send(new ListUpcomingForMyProfiles(), cancellationToken);
        Upcoming = upcoming.IsSuccess ? upcoming.Value : [];
        Today = format.Date(clock.GetUtcNow());
        return Page();
    }
}
