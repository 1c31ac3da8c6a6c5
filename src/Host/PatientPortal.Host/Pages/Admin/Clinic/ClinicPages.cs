using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Appointments.Contracts;

namespace PatientPortal.Host.Pages.Admin.Clinic;

/// <summary>What the clinic admin pages share: the one-time notice, the catalog, texts in the reader's language.</summary>
public static class ClinicPages
{
    /// <summary>A resource key in TempData: the notice shows on the next page only (post, redirect, get).</summary>
    public const string NoticeKey = "Clinic.Notice";

    public static bool French => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    public static string In(LocalizedName name) => French ? name.Fr : name.En;

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.TextInfo.ToTitleCase(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day));

    /// <summary>Monday first, as the clinic's week.</summary>
    public static IEnumerable<DayOfWeek> Week => Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7));

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The catalog, or the page's answer when the module refuses (403) or the id is unknown (404).</summary>
    public static async Task<(ClinicCatalog? Catalog, IActionResult? Refusal)> CatalogAsync(PageModel page, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetClinicCatalog(), cancellationToken);
        return result.IsSuccess ? (result.Value, null) : (null, Refusal(page, result) ?? page.Forbid());
    }

    /// <summary>403 or 404 for the module's Forbidden and NotFound; null for errors the form shows.</summary>
    public static IActionResult? Refusal(PageModel page, Result result) =>
        result.Errors.Contains(Error.Forbidden) ? page.Forbid() : result.Errors.Contains(Error.NotFound) ? page.NotFound() : null;

    public static LocalizedName? Optional(string? en, string? fr) =>
        string.IsNullOrWhiteSpace(en) && string.IsNullOrWhiteSpace(fr) ? null : new LocalizedName(en ?? "", fr ?? "");
}
