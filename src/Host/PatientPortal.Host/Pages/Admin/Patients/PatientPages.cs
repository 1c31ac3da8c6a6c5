using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>What the patient pages share: the one-time notice after a post, and the form checks the module cannot make.</summary>
public static class PatientPages
{
    /// <summary>A resource key in TempData: the notice shows on the next page only (post, redirect, get).</summary>
    public const string NoticeKey = "Patients.Notice";

    /// <summary>The date of birth, or null (with the error added) when the form lacks it or its practitioner id is not an id.</summary>
    public static DateOnly? CheckForm(PatientForm input, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        if (!input.PractitionerIdIsValid)
        {
            modelState.AddModelError("Input.AssignedPractitionerId", localizer["Admin.Patients.PractitionerIdInvalid"]);
        }

        if (input.DateOfBirth is null)
        {
            modelState.AddModelError("Input.DateOfBirth", localizer["Validation.NotEmpty"]);
        }

        return input.PractitionerIdIsValid ? input.DateOfBirth : null;
    }
}
