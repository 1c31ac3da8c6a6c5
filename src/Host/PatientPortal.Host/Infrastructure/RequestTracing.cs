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
        context.Response.Headers[Header] = correlationId;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    public static string CorrelationId(HttpContext context) => context.TraceIdentifier;
}

/// <summary>Headers every page gets: a strict content security policy (no inline script), no sniffing, no framing, no referrer.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}
