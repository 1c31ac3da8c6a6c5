using System.Globalization;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Admin;

/// <summary>Admins add staff members (each receives a link to choose a password) and reset a lost authenticator app.</summary>
public sealed class StaffModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffAccountSummary> Staff { get; private set; } = [];

    public bool Created { get; private set; }

    public bool AuthenticatorReset { get; private set; }

    /// <summary>The signed-in admin: their own row offers no reset (the module refuses it too).</summary>
    public Guid? Me => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new CreateStaffAccount(Input.Email, Input.FirstName, Input.LastName, Input.Role, Input.Language), cancellationToken);
        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
        }
        else
        {
            Created = true;
            Input = new InputModel { Language = Input.Language };
        }

        return await LoadAsync(cancellationToken);
    }

    /// <summary>A staff member lost their phone: their app is reset, their sessions end, and they set it up again.</summary>
    public async Task<IActionResult> OnPostResetAuthenticatorAsync(Guid id, string? code, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ResetStaffAuthenticator(id, code), cancellationToken);
        if (result.Errors.Contains(Error.Forbidden))
        {
            return Forbid();
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
        }

        AuthenticatorReset = result.IsSuccess;
        return await LoadAsync(cancellationToken);
    }

    // Staff (not admins) may reach the admin area but not this page: the slice says no, and so does the page.
    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var staff = await mediator.Send(new ListStaffAccounts(), cancellationToken);
        if (staff.IsFailure)
        {
            return Forbid();
        }

        Staff = staff.Value;
        return Page();
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string Role { get; set; } = Roles.Staff;
        public string Language { get; set; } = "fr";
    }
}
