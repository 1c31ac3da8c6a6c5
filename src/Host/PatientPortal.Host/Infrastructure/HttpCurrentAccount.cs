using System.Security.Claims;
using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Host.Infrastructure;

/// <summary>The signed-in account, read from the authentication cookie's claims.</summary>
internal sealed class HttpCurrentAccount(IHttpContextAccessor accessor) : ICurrentAccount
{
    public Guid? AccountId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsInRole(string role) => accessor.HttpContext?.User.IsInRole(role) ?? false;
}
