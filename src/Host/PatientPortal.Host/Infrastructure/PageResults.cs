using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Host.Infrastructure;

public static class PageResults
{
    /// <summary>Shows a slice's expected failures next to their fields (or at the top), in the visitor's language.</summary>
    public static void AddResultErrors(this ModelStateDictionary modelState, Result result, IStringLocalizer localizer, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field is null ? "" : $"{prefix}.{error.Field}", localizer[error.Key, [.. error.Arguments]]);
        }
    }

    /// <summary>A return URL is followed only when it stays on the portal.</summary>
    public static string LocalOrHome(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
