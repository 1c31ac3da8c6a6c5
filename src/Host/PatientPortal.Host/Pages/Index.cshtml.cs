using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;

namespace PatientPortal.Host.Pages;

public sealed class IndexModel(ClinicFormat format, TimeProvider clock) : PageModel
{
    public string Today { get; private set; } = "";

    public void OnGet() => Today = format.Date(clock.GetUtcNow());
}
