using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientPortal.Host.Infrastructure;

namespace PatientPortal.Host.Pages;

/// <summary>
/// The one error page: localized, with the request's correlation id and never any exception detail. It has no
/// handler methods, so it renders the same for a re-executed GET or POST; the status code is the original one.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string CorrelationId => RequestTracing.CorrelationId(HttpContext);

    public string TitleKey => Kind + "Title";

    public string BodyKey => Kind + "Body";

    private string Kind => Request.Query["code"].ToString() switch
    {
        "404" => "Error.NotFound",
        "403" => "Error.Forbidden",
        "400" => "Error.BadRequest",
        "429" => PortalRateLimits.LimitsReads(PortalRateLimits.RejectedBy(HttpContext)) ? "Error.TooManyReads" : "Error.TooManyRequests",
        _ => "Error.",
    };
}
