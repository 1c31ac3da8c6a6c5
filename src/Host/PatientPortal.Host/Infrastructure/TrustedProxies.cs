using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the portal must see the patient's address (per-IP limits) and the
/// https scheme (Secure cookies). Only proxies listed in "Portal:KnownProxies" are believed; with none listed,
/// X-Forwarded-* headers are ignored, so nobody can fake their address by sending them.
/// </summary>
public static class TrustedProxies
{
    public static void UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = (configuration["Portal:KnownProxies"] ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(IPAddress.Parse)
            .ToList();
        if (proxies.Count == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        proxies.ForEach(options.KnownProxies.Add);
        app.UseForwardedHeaders(options);
    }
}
