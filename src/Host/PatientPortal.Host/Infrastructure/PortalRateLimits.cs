using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Per-IP limits on the forms an attacker would hammer (login, forgot password, activation, invitation, reset).
/// Only POSTs count. This is in memory, so a restart resets it; the account lockout, kept in the database, does not.
/// <see cref="ConnectedAccounts"/>: Connected Accounts' connect form per network, beside the module's per-account daily
/// limit, so that many accounts from one place cannot probe the clinic's records (only the Connect handler's POSTs count).
/// </summary>
public static class PortalRateLimits
{
    public const string Credentials = "credentials";
    public const string ConnectedAccounts = "connected-accounts";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:CredentialPostsPerMinute", 10);
        var connectPermits = configuration.GetValue("RateLimits:ConnectionPostsPerHour", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Credentials, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    Partition(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads"));
            o.AddPolicy(ConnectedAccounts, context => HttpMethods.IsPost(context.Request.Method) && IsConnect(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    Partition(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = connectPermits, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("other"));
        });
        return services;
    }

    // Razor Pages pick the handler from the first "handler" in the query, case aside: so does this.
    private static bool IsConnect(HttpRequest request) =>
        request.Query.TryGetValue("handler", out var handler) && handler.Count > 0 && string.Equals(handler[0], "Connect", StringComparison.OrdinalIgnoreCase);

    // One IPv6 user holds a whole /64: counting each address apart would give them billions of budgets.
    internal static string Partition(IPAddress? address) => address switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } => Convert.ToHexString(address.GetAddressBytes(), 0, 8) + "/64",
        _ => address.MapToIPv4().ToString(),
    };
}
