using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;

namespace PatientPortal.Host.Pages;

/// <summary>
/// A sidebar tab's page. A tab the selected profile's link does not open is not only hidden: its page answers 404, as
/// does any tab when the browser's selected profile is no longer allowed (another family's id, a revoked link, a child
/// who reached the age of consent since the page was opened).
/// </summary>
public sealed class TabModel(ProfileSelection selection) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string tab, CancellationToken cancellationToken) =>
        await selection.OpensAsync(tab, cancellationToken) ? Page() : NotFound();
}
