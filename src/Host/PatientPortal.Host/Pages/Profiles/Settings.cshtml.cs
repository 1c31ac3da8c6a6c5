using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Profiles;

/// <summary>
/// Account settings (the PROFILE tab) of the selected profile: personal information and notification preferences.
/// The profile is the one the selection cookie names, authorized again by Profiles on every request; nothing in the
/// form names a profile, an account, a birth date or a state (and a proxy's card fields are ignored by the module).
/// </summary>
[EnableRateLimiting(PortalRateLimits.TabReads)]
public sealed class SettingsModel(IMediator mediator, ProfileSelection selection, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PersonalInput Input { get; set; } = new();

    [BindProperty]
    public NotificationsInput Notify { get; set; } = new();

    public ProfileSettings? Settings { get; private set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = PersonalInput.From(Settings!);
        Notify = NotificationsInput.From(Settings!);
        Saved = Request.Query["saved"].ToString() is "personal" or "notifications" ? Request.Query["saved"].ToString() : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPersonalAsync(CancellationToken cancellationToken)
    {
        if (await SelectedAsync(cancellationToken) is not { } profileId)
        {
            return NotFound();
        }

        var result = await mediator.Send(Input.ToRequest(profileId), cancellationToken);
        if (result.Errors.Any(e => e.Key == ProfilesErrors.ProfileNotAvailable))
        {
            return NotFound();
        }

        if (result.IsFailure)
        {
            ModelState.AddResultErrors(result, localizer);
            if (await LoadAsync(cancellationToken) is { } refused)
            {
                return refused;
            }

            Notify = NotificationsInput.From(Settings!);
            return Page();
        }

        return LocalRedirect("/profile?saved=personal");
    }

    public async Task<IActionResult> OnPostNotificationsAsync(CancellationToken cancellationToken)
    {
        if (await SelectedAsync(cancellationToken) is not { } profileId)
        {
            return NotFound();
        }

        var result = await mediator.Send(new UpdateNotificationPreferences(profileId, Notify.AppointmentEmails, Notify.Reminders, Notify.NewCommunicationEmails), cancellationToken);
        return result.IsSuccess ? LocalRedirect("/profile?saved=notifications") : NotFound();
    }

    // The selected profile, unless the browser asked for one this account may not act for now: that request is refused.
    private async Task<Guid?> SelectedAsync(CancellationToken cancellationToken)
    {
        var selected = await selection.CurrentAsync(cancellationToken);
        return selected is null || selection.RequestRefused ? null : selected.ProfileId;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await SelectedAsync(cancellationToken) is not { } profileId)
        {
            return NotFound();
        }

        var settings = await mediator.Send(new GetProfileSettings(profileId), cancellationToken);
        if (settings.IsFailure)
        {
            return NotFound();
        }

        Settings = settings.Value;
        return null;
    }

    public sealed class PersonalInput
    {
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
        public string? PrimaryPhone { get; set; }
        public string PrimaryPhoneType { get; set; } = "Home";
        public string? SecondaryPhone { get; set; }
        public string SecondaryPhoneType { get; set; } = "Home";
        public string? AddressLine { get; set; }
        public string? City { get; set; }
        public string? Province { get; set; }
        public string? PostalCode { get; set; }
        public string? ContactEmail { get; set; }
        public string PreferredLanguage { get; set; } = "fr-CA";
        public string? HealthInsuranceNumber { get; set; }
        public DateOnly? HealthInsuranceExpiry { get; set; }

        public static PersonalInput From(ProfileSettings s) => new()
        {
            FirstName = s.FirstName,
            LastName = s.LastName,
            PrimaryPhone = s.Phones.ElementAtOrDefault(0)?.Number,
            PrimaryPhoneType = s.Phones.ElementAtOrDefault(0)?.Type ?? "Home",
            SecondaryPhone = s.Phones.ElementAtOrDefault(1)?.Number,
            SecondaryPhoneType = s.Phones.ElementAtOrDefault(1)?.Type ?? "Home",
            AddressLine = s.AddressLine,
            City = s.City,
            Province = s.Province,
            PostalCode = s.PostalCode,
            ContactEmail = s.ContactEmail,
            PreferredLanguage = s.PreferredLanguage,
            HealthInsuranceNumber = s.HealthInsuranceNumber,
            HealthInsuranceExpiry = s.HealthInsuranceExpiry,
        };

        public UpdatePersonalInformation ToRequest(Guid profileId)
        {
            var phones = new List<ProfilePhoneNumber>();
            if (!string.IsNullOrWhiteSpace(PrimaryPhone))
            {
                phones.Add(new ProfilePhoneNumber(PrimaryPhone, PrimaryPhoneType));
            }

            if (!string.IsNullOrWhiteSpace(SecondaryPhone))
            {
                phones.Add(new ProfilePhoneNumber(SecondaryPhone, SecondaryPhoneType));
            }

            return new UpdatePersonalInformation(
                profileId, FirstName, LastName, phones, AddressLine, City, Province, PostalCode, ContactEmail, PreferredLanguage,
                HealthInsuranceNumber, HealthInsuranceExpiry);
        }
    }

    public sealed class NotificationsInput
    {
        public bool AppointmentEmails { get; set; }
        public bool Reminders { get; set; }
        public bool NewCommunicationEmails { get; set; }

        public static NotificationsInput From(ProfileSettings s) => new()
        {
            AppointmentEmails = s.AppointmentEmails,
            Reminders = s.Reminders,
            NewCommunicationEmails = s.NewCommunicationEmails,
        };
    }
}
