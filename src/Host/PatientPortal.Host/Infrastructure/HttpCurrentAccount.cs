using System.Security.Claims;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Host.Infrastructure;

/// <summary>The signed-in account, read from the authentication cookie's claims, and the client's network.</summary>
internal sealed class HttpCurrentAccount(IHttpContextAccessor accessor) : ICurrentAccount
{
    public Guid? AccountId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsInRole(string role) => accessor.HttpContext?.User.IsInRole(role) ?? false;

    // The per-request session check signs out a cookie whose claim the session's record does not back.
    public bool SecondFactorPassed => accessor.HttpContext?.User.HasClaim(c => c.Type == PortalAuthentication.SecondFactorClaim) ?? false;

    public string? DisplayName => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Name);

    public string Source => PortalRateLimits.Partition(accessor.HttpContext?.Connection.RemoteIpAddress);
}
