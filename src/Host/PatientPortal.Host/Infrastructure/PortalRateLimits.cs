using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Per-IP limits on the forms an attacker would hammer (login, forgot password, activation, invitation, reset).
/// Only POSTs count. This is in memory, so a restart resets it; the account lockout, kept in the database, does not.
/// <see cref="ConnectedAccounts"/>: Connected Accounts' connect form per network, beside the module's per-account daily
/// limit, so that many accounts from one place cannot probe the clinic's records (only the Connect handler's POSTs count).
/// <see cref="InboxReads"/>: a patient's thread and attachment pages per signed-in account (every request, a refused
/// reply re-shows the thread too): each writes a
/// row on the access trail and an event (review L12), so a script reading in a loop cannot fill them; a person reading
/// their family's inbox never meets it. <see cref="TabReads"/>: the same, looser, for the other pages that write a trail
/// row on each request (the tab lists, an appointment's details, the profile's settings and export, the profile switch):
/// a person moves between tabs faster than they open messages, a script reading a tab in a loop is held to a few rows a
/// second. <see cref="Bookings"/>: the booking wizard's Confirm Appointment POSTs per
/// signed-in account: each books or waits its turn behind bookings of the same time (ADR 0015), so a script cannot keep a
/// doctor's time busy or make the portal work for it. Rejections answer 429 with Retry-After and the error page says
/// which limit.
/// </summary>
public static class PortalRateLimits
{
    public const string Credentials = "credentials";
    public const string ConnectedAccounts = "connected-accounts";
    public const string InboxReads = "inbox-reads";
    public const string TabReads = "tab-reads";
    public const string Bookings = "bookings";

    // The policy that refused the request, for the error page (which runs after, in the same request).
    private const string RejectedPolicyItem = "PortalRateLimits.RejectedPolicy";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:CredentialPostsPerMinute", 10);
        var connectPermits = configuration.GetValue("RateLimits:ConnectionPostsPerHour", 20);
        var readPermits = configuration.GetValue("RateLimits:InboxReadsPerMinute", 60);
        var tabPermits = configuration.GetValue("RateLimits:TabReadsPerMinute", 300);
        var bookingPermits = configuration.GetValue("RateLimits:BookingPostsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Credentials, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    Partition(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads"));
            o.AddPolicy(ConnectedAccounts, context => HttpMethods.IsPost(context.Request.Method) && IsHandler(context.Request, "Connect")
                ? RateLimitPartition.GetFixedWindowLimiter(
                    Partition(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = connectPermits, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("other"));
            // Per account, not per network: a family behind one address reads apart, and a script cannot spread one
            // account's reads over addresses. A visitor not signed in is sent to login and reads nothing.
            o.AddPolicy(InboxReads, context => PerAccountPerMinute(context, readPermits));
            o.AddPolicy(TabReads, context => PerAccountPerMinute(context, tabPermits));
            o.AddPolicy(Bookings, context => HttpMethods.IsPost(context.Request.Method) && IsHandler(context.Request, "Book")
                    && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } booker
                ? RateLimitPartition.GetFixedWindowLimiter(
                    booker,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = bookingPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("other"));
            o.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.Items[RejectedPolicyItem] = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>The policies that limit what a signed-in account reads (the error page says "too many pages opened").</summary>
    public static bool LimitsReads(string? policy) => policy is InboxReads or TabReads;

    private static RateLimitPartition<string> PerAccountPerMinute(HttpContext context, int permits) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } account
            ? RateLimitPartition.GetFixedWindowLimiter(
                account,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("other");

    /// <summary>The policy that answered this request 429 (null: none did).</summary>
    public static string? RejectedBy(HttpContext context) => context.Items[RejectedPolicyItem] as string;

    // Razor Pages pick the handler from the first "handler" in the query, case aside: so does this.
    private static bool IsHandler(HttpRequest request, string name) =>
        request.Query.TryGetValue("handler", out var handler) && handler.Count > 0 && string.Equals(handler[0], name, StringComparison.OrdinalIgnoreCase);

    // One IPv6 user holds a whole /64: counting each address apart would give them billions of budgets.
    internal static string Partition(IPAddress? address) => address switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } => Convert.ToHexString(address.GetAddressBytes(), 0, 8) + "/64",
        _ => address.MapToIPv4().ToString(),
    };
}
