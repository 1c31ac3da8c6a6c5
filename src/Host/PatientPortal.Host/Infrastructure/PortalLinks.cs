using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// Absolute links for emails from "Portal:PublicUrl". Only in Development, where the port may be anything, does it
/// fall back to the current request's address, or, in a background job, to the address the portal listens on;
/// elsewhere the portal does not start without it (RequiredSettings), and never takes a Host header instead.
/// It also maps each link a module names to the page that answers it: the one place that knows both.
/// </summary>
internal sealed class PortalLinks(IConfiguration configuration, IWebHostEnvironment environment, IHttpContextAccessor accessor, IServer server)
    : IPortalLinks, IAccountLinks, IProfileLinks, IAppointmentLinks
{
    public Uri To(string pathAndQuery)
    {
        var configured = configuration["Portal:PublicUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured
            : !environment.IsDevelopment() ? throw new InvalidOperationException("Set Portal:PublicUrl to the portal's public address (used in email links).")
            : accessor.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}"
            : ListeningAddress();
        return new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));
    }

    // "http://[::]:5000" or "http://+:5000" listen everywhere; a browser on this machine reaches them as localhost.
    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "https://localhost";
        return Regex.Replace(address, @"//(\[::\]|0\.0\.0\.0|\+|\*)(?=[:/]|$)", "//localhost");
    }

    /// <summary>The @page route of each Accounts link (Pages/Account).</summary>
    public string PathOf(AccountLink link) => link switch
    {
        AccountLink.Activation => "/activate",
        AccountLink.PasswordReset or AccountLink.StaffPassword => "/reset-password",
        AccountLink.EmailChange => "/confirm-email",
        AccountLink.Invitation => "/invitation",
        _ => throw new ArgumentOutOfRangeException(nameof(link), link, "No page answers this link."),
    };

    /// <summary>The @page route of each Profiles link.</summary>
    public string PathOf(ProfileLink link) => link switch
    {
        ProfileLink.ConnectedAccounts => "/account/connections",
        _ => throw new ArgumentOutOfRangeException(nameof(link), link, "No page answers this link."),
    };

    /// <summary>The @page route of each Appointments link (Pages/Appointments/Email).</summary>
    public string PathOf(AppointmentLink link) => link switch
    {
        AppointmentLink.EmailConfirm => "/appointments/email/confirm",
        AppointmentLink.EmailCancel => "/appointments/email/cancel",
        _ => throw new ArgumentOutOfRangeException(nameof(link), link, "No page answers this link."),
    };
}
