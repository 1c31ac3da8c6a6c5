using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests.Infrastructure;

public sealed class TrustedProxiesTests
{
    private const string Proxy = "10.0.0.7";

    [Fact]
    public async Task Behind_a_known_proxy_each_patient_s_address_gets_its_own_credential_limit()
    {
        await using var portal = await StartBehindProxyAsync(knownProxies: Proxy);
        var client = new PortalClient(portal);

        (await LoginAsync(client, "203.0.113.5")).ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await LoginAsync(client, "203.0.113.5")).ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await LoginAsync(client, "203.0.113.5")).ShouldBe(HttpStatusCode.TooManyRequests);
        (await LoginAsync(client, "198.51.100.9")).ShouldNotBe(HttpStatusCode.TooManyRequests, "another patient behind the same proxy");
    }

    [Fact]
    public async Task Without_known_proxies_a_forwarded_address_is_not_believed()
    {
        await using var portal = await StartBehindProxyAsync(knownProxies: "");
        var client = new PortalClient(portal);

        await LoginAsync(client, "203.0.113.5");
        await LoginAsync(client, "198.51.100.9");
        (await LoginAsync(client, "192.0.2.44")).ShouldBe(HttpStatusCode.TooManyRequests, "all three came from the proxy's address");
    }

    private static async Task<PortalFactory> StartBehindProxyAsync(string knownProxies)
    {
        var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Portal:KnownProxies"] = knownProxies,
            ["RateLimits:CredentialPostsPerMinute"] = "2",
        });
        portal.WithServices(s => s.AddTransient<IStartupFilter, ArrivesFromProxy>());
        return portal;
    }

    private static async Task<HttpStatusCode> LoginAsync(PortalClient client, string patientAddress)
    {
        var page = await client.GetAsync("/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@example.com",
                ["Input.Password"] = "Wrong-Pass-1!",
                ["__RequestVerificationToken"] = page.AntiforgeryToken,
            }),
        };
        request.Headers.Add("X-Forwarded-For", patientAddress);
        return (await client.Http.SendAsync(request)).StatusCode;
    }

    /// <summary>The in-memory server has no network: every request is made to arrive from the proxy's address.</summary>
    private sealed class ArrivesFromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
