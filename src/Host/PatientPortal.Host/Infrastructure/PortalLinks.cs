using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Absolute links for emails from "Portal:PublicUrl". Only in Development, where the port may be anything, does it
/// fall back to the current request's address; elsewhere a missing setting is a configuration error, never a Host header.
/// </summary>
internal sealed class PortalLinks(IConfiguration configuration, IWebHostEnvironment environment, IHttpContextAccessor accessor) : IPortalLinks
{
    public Uri To(string pathAndQuery)
    {
        var configured = configuration["Portal:PublicUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured
            : environment.IsDevelopment() && accessor.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}"
            : throw new InvalidOperationException("Set Portal:PublicUrl to the portal's public address (used in email links).");
        return new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));
    }
}
