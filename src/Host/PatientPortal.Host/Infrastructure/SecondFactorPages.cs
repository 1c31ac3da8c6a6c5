using System.Security.Claims;
using MediatR;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// The browser side of two-step sign-in: the pending challenge's cookie (minutes, this sign-in only), the trusted
/// browser's cookie (30 days), and where staff are sent to set up their authenticator app. Both cookies hold random
/// tokens whose hashes only the Accounts module keeps; both are HttpOnly, and Secure with the __Host- prefix outside
/// Development, like the session cookie.
/// </summary>
public static class SecondFactorPages
{
    public const string SetUpAuthenticatorPath = "/account/two-step/authenticator";

    public static string ChallengeCookie(HttpContext context) => Prefix(context) + "portal-2fa";

    public static string TrustedBrowserCookie(HttpContext context) => Prefix(context) + "portal-tb";

    public static bool StaffWithoutSecondFactor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin))
        && !user.HasClaim(c => c.Type == PortalAuthentication.SecondFactorClaim);

    public static string SetUpAuthenticator(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? SetUpAuthenticatorPath : $"{SetUpAuthenticatorPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>
    /// After a right password: a trusted browser (patients only) signs in at once; otherwise the challenge waits in its
    /// cookie for the code page; without a second factor the session opens, and staff go to set up their app first.
    /// </summary>
    /// <returns>The local address to go to next.</returns>
    public static async Task<string> AfterPasswordAsync(HttpContext context, IMediator mediator, SignedIn signedIn, string returnUrl, CancellationToken cancellationToken)
    {
        if (signedIn.SecondFactorRequired is not { } challenge)
        {
            await PortalAuthentication.SignInAsync(context, signedIn);
            return signedIn.MustSetUpAuthenticator ? SetUpAuthenticator(returnUrl) : returnUrl;
        }

        if (context.Request.Cookies[TrustedBrowserCookie(context)] is { Length: > 0 } browser)
        {
            var trusted = await mediator.Send(new SignInFromTrustedBrowser(challenge.ChallengeToken, browser, context.Request.Headers.UserAgent.ToString()), cancellationToken);
            if (trusted.IsSuccess)
            {
                await PortalAuthentication.SignInAsync(context, trusted.Value);
                return returnUrl;
            }
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
