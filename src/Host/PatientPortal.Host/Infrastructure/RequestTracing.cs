namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Gives every request a correlation id: it is in every log line of the request, in the X-Correlation-Id response
/// header and on the error page, so a patient can quote it to the clinic. It is generated here, never taken from the client.
/// </summary>
public sealed class RequestTracing(RequestDelegate next, ILogger<RequestTracing> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = CorrelationId(context);
        // Set as the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    public static string CorrelationId(HttpContext context) => context.TraceIdentifier;
}

/// <summary>
/// Headers every page gets: a strict content security policy (no inline script), no sniffing, no framing, no referrer.
/// A response to a signed-in request is never stored (no-store): a patient's pages and downloads must not stay in a
/// shared computer's cache, nor come back from it after the access ended (security.md B15).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts, so error pages (whose headers the exception handler clears) get them too.
        context.Response.OnStarting(() =>
        {
            Apply(context.Response.Headers);
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
