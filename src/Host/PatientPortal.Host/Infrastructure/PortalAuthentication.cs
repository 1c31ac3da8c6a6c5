using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Cookie sign-in backed by the Accounts module's server-side sessions: the cookie carries a session id, and every
/// request asks Accounts whether that session is still alive (not logged out, not idle for 30 minutes, not older than
/// 12 hours, password not changed elsewhere). A copied cookie dies with its session.
/// </summary>
public static class PortalAuthentication
{
    public const string SessionClaim = "pp:session";

    /// <summary>Present only when the session passed a second factor; the per-request check holds it against the server's record.</summary>
    public const string SecondFactorClaim = "pp:2fa";
    public const string StaffPolicy = "Staff";
    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // Outside Development every cookie is Secure with the __Host- prefix (HTTPS only, this host only, path /).
        // Development runs on plain http://localhost without a certificate, where Secure cookies cannot be required.
        var secure = !environment.IsDevelopment();
        var prefix = secure ? "__Host-" : "";
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        // The Accounts module keeps the key ring in its database (every instance and every restart share it); the portal
        // names the application (the same on every instance) and encrypts the keys at rest with its certificate.
        var keyRing = services.AddDataProtection().SetApplicationName("PatientPortal");
        if (KeyRingCertificate(configuration) is { } certificate)
        {
            keyRing.ProtectKeysWithCertificate(certificate);
        }

        RequiredSettings.Register(services, environment);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = prefix + "portal";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = policy;
            // Lax, not Strict: a link in a notification email must open the portal signed in.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.IsEssential = true;
            o.SlidingExpiration = false;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                // Staff who have not passed the authenticator app are sent to set it up (forced enrolment); the rest get 403.
                if (SecondFactorPages.StaffWithoutSecondFactor(context.HttpContext.User) && HttpMethods.IsGet(context.Request.Method))
                {
                    context.Response.Redirect(SecondFactorPages.SetUpAuthenticator(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
                    return Task.CompletedTask;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The cookie never outlives the session's absolute lifetime, which the Accounts module owns.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionLimits>((o, limits) => o.ExpireTimeSpan = limits.AbsoluteLifetime);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Staff, Roles.Admin).RequireClaim(SecondFactorClaim));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "portal-af";
            o.Cookie.SecurePolicy = policy;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        // TempData carries a one-time value across a redirect (the clinic code staff see once): encrypted with the key
        // ring, HttpOnly, and Strict, since it is only ever read by the page its own form redirected to.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = prefix + "portal-td";
            o.Cookie.SecurePolicy = policy;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.IsEssential = true;
        });
        return services;
    }

    // Linux has no DPAPI: a certificate is how keys are protected at rest. Outside Development one is required (RequiredSettings).
    private static X509Certificate2? KeyRingCertificate(IConfiguration configuration)
    {
        var path = configuration[RequiredSettings.KeyRingCertificate];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[RequiredSettings.KeyRingCertificatePassword]);
            return certificate.HasPrivateKey ? certificate
                : throw new InvalidOperationException($"{RequiredSettings.KeyRingCertificate}: {path} has no private key; the key ring could not be read back.");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{RequiredSettings.KeyRingCertificate}: the certificate {path} cannot be read ({ex.Message}). Check the file and {RequiredSettings.KeyRingCertificatePassword}.", ex);
        }
    }

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>Signs the browser in to a new server-side session, and speaks the account's language from now on.</summary>
    public static async Task SignInAsync(HttpContext context, SignedIn session)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, session.AccountId.ToString()),
            new Claim(SessionClaim, session.SessionId.ToString()),
            new Claim(ClaimTypes.Name, session.DisplayName),
            new Claim(ClaimTypes.Email, session.Email),
            new Claim(ClaimTypes.Role, session.Role),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        if (session.SecondFactorPassed)
        {
            identity.AddClaim(new Claim(SecondFactorClaim, "1"));
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        RememberLanguage(context, session.Language);
        if (session.KnownDeviceToken is { } device)
        {
            SecondFactorPages.KeepKnownDevice(context, device);
        }
    }

    public static void RememberLanguage(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true });

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.SessionId();
        var accountId = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var account) ? account : (Guid?)null;
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        BuildingBlocks.Results.Result<SignedIn>? result;
        try
        {
            // The module checks that the session is the cookie's account's, not only that it is alive.
            result = (sessionId, accountId) is ({ } id, { } owner)
                ? await mediator.Send(new TouchSession(id, owner), context.HttpContext.RequestAborted)
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The sessions cannot be read (database down or locked): fail closed for this request only, keep the
            // cookie for when it is back, and let the error page render instead of failing again here.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(PortalAuthentication))
                .LogError(ex, "Session check failed; the request is treated as signed out");
            context.RejectPrincipal();
            return;
        }

        // The cookie's second-factor claim must match the session's record on the server: it cannot be claimed, only earned.
        if (result is not { IsSuccess: true } || result.Value.Role != context.Principal!.FindFirstValue(ClaimTypes.Role)
            || (context.Principal!.HasClaim(c => c.Type == SecondFactorClaim) && !result.Value.SecondFactorPassed))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
