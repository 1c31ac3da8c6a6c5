using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientPortal.Host.Pages.Credentials;

/// <summary>"Stay signed in": reaching this page at all means the session was checked and marked used.</summary>
public sealed class KeepaliveModel : PageModel
{
    public IActionResult OnPost() => new NoContentResult();
}
