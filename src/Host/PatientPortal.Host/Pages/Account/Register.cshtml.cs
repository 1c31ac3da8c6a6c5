using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Credentials)]
public sealed class RegisterModel(IMediator mediator, IStringLocalizer<SharedResource> localizer, IOptions<ClinicOptions> clinic) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ClinicContact => clinic.Value.Phone ?? clinic.Value.Email ?? "";

    public bool EmailTaken { get; private set; }

    public void OnGet() => Input.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Mapped by hand: nothing from the form reaches the command unless listed here (no over-posting).
        var command = new RegisterAccount(
            Input.Email, Input.ConfirmEmail, Input.Password, Input.ConfirmPassword, Input.FirstName, Input.LastName,
            Input.DateOfBirth, Input.HealthInsuranceNumber, Input.PrimaryPhone, Input.PrimaryPhoneType, Input.SecondaryPhone,
            string.IsNullOrWhiteSpace(Input.SecondaryPhone) ? null : Input.SecondaryPhoneType, Input.Language);
        var result = await mediator.Send(command, cancellationToken);
        if (result.IsFailure)
        {
            EmailTaken = result.Errors.Any(e => e.Key == AccountErrors.EmailTaken);
            ModelState.AddResultErrors(result, localizer);
            return Page();
        }

        return RedirectToPage("/Account/RegisterSent");
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string ConfirmEmail { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public DateOnly? DateOfBirth { get; set; }
        public string? HealthInsuranceNumber { get; set; }
        public string PrimaryPhone { get; set; } = "";
        public PhoneType PrimaryPhoneType { get; set; } = PhoneType.Mobile;
        public string? SecondaryPhone { get; set; }
        public PhoneType SecondaryPhoneType { get; set; } = PhoneType.Home;
        public string Language { get; set; } = "fr";
    }
}
