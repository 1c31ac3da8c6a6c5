using System.Security.Claims;
using MediatR;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// The browser side of the sign-in steps: the pending challenge's cookie (minutes, this sign-in only), the trusted
/// browser's cookie (30 days), the known device's cookie (see <see cref="SignedIn.KnownDeviceToken"/>), and where staff
/// are sent to set up their authenticator app. The cookies hold tokens only the Accounts module can check; all are
/// HttpOnly, and Secure with the __Host- prefix outside Development, like the session cookie.
/// </summary>
public static class SecondFactorPages
{
    public const string SetUpAuthenticatorPath = "/account/two-step/authenticator";

    public static string ChallengeCookie(HttpContext context) => Prefix(context) + "portal-2fa";

    public static string TrustedBrowserCookie(HttpContext context) => Prefix(context) + "portal-tb";

    public static string KnownDeviceCookie(HttpContext context) => Prefix(context) + "portal-device";

    /// <summary>This browser's trusted-browser token (patients who chose it), sent with the password.</summary>
    public static string? TrustedBrowser(HttpContext context) => context.Request.Cookies[TrustedBrowserCookie(context)];

    /// <summary>This browser's known-device token, sent with every sign-in step.</summary>
    public static string? KnownDevice(HttpContext context) => context.Request.Cookies[KnownDeviceCookie(context)];

    /// <summary>Kept for as long as the token lasts; a later sign-in renews it.</summary>
    public static void KeepKnownDevice(HttpContext context, string token) =>
        context.Response.Cookies.Append(KnownDeviceCookie(context), token, Options(context, DateTimeOffset.UtcNow.AddDays(180), SameSiteMode.Strict));

    public static bool StaffWithoutSecondFactor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin))
        && !user.HasClaim(c => c.Type == PortalAuthentication.SecondFactorClaim);

    public static string SetUpAuthenticator(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? SetUpAuthenticatorPath : $"{SetUpAuthenticatorPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>
    /// After a right password: the challenge waits in its cookie for the code page; without a second factor (or from a
    /// trusted browser) the session opens, and staff without an app go to set one up first.
    /// </summary>
    /// <returns>The local address to go to next.</returns>
    public static async Task<string> AfterPasswordAsync(HttpContext context, SignedIn signedIn, string returnUrl)
    {
        if (signedIn.SecondFactorRequired is not { } challenge)
        {
            await PortalAuthentication.SignInAsync(context, signedIn);
            return signedIn.MustSetUpAuthenticator ? SetUpAuthenticator(returnUrl) : returnUrl;
        }

        KeepChallenge(context, challenge);
        var by = challenge.Method == SecondFactorMethods.Email ? "&by=email" : "";
        var trust = challenge.CanTrustBrowser ? "" : "&trust=no";
        return $"/login/code?returnUrl={Uri.EscapeDataString(returnUrl)}{by}{trust}";
    }

    public static void KeepChallenge(HttpContext context, SecondFactorRequired challenge) =>
        context.Response.Cookies.Append(ChallengeCookie(context), challenge.ChallengeToken, Options(context, challenge.ExpiresUtc, SameSiteMode.Strict));

    public static void ForgetChallenge(HttpContext context) =>
        context.Response.Cookies.Delete(ChallengeCookie(context), Options(context, null, SameSiteMode.Strict));

    public static void TrustBrowser(HttpContext context, string token, DateTimeOffset now) =>
        context.Response.Cookies.Append(TrustedBrowserCookie(context), token, Options(context, now.AddDays(30), SameSiteMode.Strict));

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires, SameSiteMode sameSite)
    {
        var secure = Prefix(context).Length > 0;
        return new CookieOptions
        {
            Expires = expires,
            HttpOnly = true,
            Secure = secure || context.Request.IsHttps,
            SameSite = sameSite,
            Path = "/",
            IsEssential = true,
        };
    }

    // The same rule as the session cookie: __Host- and Secure everywhere but Development.
    private static string Prefix(HttpContext context) =>
        context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment() ? "" : "__Host-";
}
