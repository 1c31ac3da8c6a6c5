using MediatR;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// The profile this request acts for (the left margin, the tabs, Account settings), resolved once per request. The
/// browser keeps only the chosen profile's id, in an HttpOnly, Strict cookie; Profiles checks it again on every request
/// (GetSelectedProfile), so a copied, edited or stale id gives nothing: the account's own profile is used instead, the
/// cookie is forgotten, and pages that act on a profile refuse the request (<see cref="RequestRefused"/>).
/// </summary>
public sealed class ProfileSelection(IMediator mediator, IHttpContextAccessor accessor, IWebHostEnvironment environment, ILogger<ProfileSelection> logger)
{
    private SelectedProfile? _current;
    private bool _resolved;

    /// <summary>"__Host-portal-profile" outside Development, like the portal's other cookies.</summary>
    public string CookieName => (environment.IsDevelopment() ? "" : "__Host-") + "portal-profile";

    /// <summary>The cookie named a profile this account may not act for now; <see cref="CurrentAsync"/> is the account's own.</summary>
    public bool RequestRefused => _current?.RequestRefused == true;

    /// <summary>Profiles could not be asked in this request: no tab opens.</summary>
    public bool Unavailable { get; private set; }

    /// <summary>The selected profile, or null when the account has no profile of its own (yet) or nobody is signed in.</summary>
    public async Task<SelectedProfile?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_resolved)
        {
            return _current;
        }

        var context = accessor.HttpContext;
        if (context?.User.Identity?.IsAuthenticated != true)
        {
            _resolved = true;
            return null;
        }

        var cookie = context.Request.Cookies[CookieName];
        Guid? requested = Guid.TryParse(cookie, out var id) ? id : null;
        Result<SelectedProfile> result;
        try
        {
            result = await mediator.Send(new GetSelectedProfile(requested), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Profiles cannot answer (its database is down): fail closed for this request, once, so the error page
            // that follows renders instead of failing again here.
            logger.LogError(ex, "The selected profile could not be resolved; no profile is acted for in this request");
            _resolved = true;
            Unavailable = true;
            return null;
        }

        _resolved = true;
        _current = result.IsSuccess ? result.Value : null;
        if (cookie is not null && (requested is null || _current is null || _current.RequestRefused))
        {
            logger.LogWarning("Selected profile {ProfileId} refused for account {AccountId} on {Path}; the account's own profile is used",
                requested, context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, context.Request.Path.Value);
            Forget(context);
        }

        return _current;
    }

    /// <summary>
    /// Whether the sidebar shows a tab and its page answers: the selected profile's link must open it (PROFILE: any
    /// active link). An account with no profile yet has nothing to act on and sees the tabs' empty pages.
    /// </summary>
    public async Task<bool> OpensAsync(string tab, CancellationToken cancellationToken)
    {
        var selected = await CurrentAsync(cancellationToken);
        if (RequestRefused || Unavailable)
        {
            return false;
        }

        return selected is null || TabOf(tab) is not { } needed || selected.Opens(needed);
    }

    /// <summary>The permission a sidebar tab needs; null for PROFILE, which every active link opens.</summary>
    public static ProfileTabs? TabOf(string tab) => tab switch
    {
        "appointments" => ProfileTabs.Appointments,
        "inbox" or "sent" => ProfileTabs.Messages,
        "documents" => ProfileTabs.Documents,
        "bills" => ProfileTabs.Bills,
        _ => null,
    };

    /// <summary>Other profiles: Profiles authorizes the choice first; only then is it remembered. A refusal is logged.</summary>
    public async Task<bool> SwitchAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext!;
        var result = await mediator.Send(new SwitchProfile(profileId), cancellationToken);
        if (result.IsFailure)
        {
            logger.LogWarning("Switch to profile {ProfileId} refused for account {AccountId}",
                profileId, context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
            return false;
        }

        context.Response.Cookies.Append(CookieName, result.Value.ProfileId.ToString(), Options(context));
        _current = result.Value;
        _resolved = true;
        return true;
    }

    private void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context));

    // A session cookie: the choice lasts as long as the browser's session, and is only ever read by the portal itself.
    private CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = !environment.IsDevelopment() || context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };
}
