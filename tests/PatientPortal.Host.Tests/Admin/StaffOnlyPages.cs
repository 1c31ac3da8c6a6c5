using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Admin;

/// <summary>The check every staff page set gets: anonymous visitors go to login, signed-in patients get 403, GET and POST alike.</summary>
internal static class StaffOnlyPages
{
    /// <param name="form">The fields each POST carries besides the antiforgery token (so that only the authorization can refuse it).</param>
    public static async Task<PortalClient> ShouldSendAnonymousToLoginAndRefusePatientsAsync(
        PortalFactory portal, IEnumerable<string> pages, IEnumerable<string> posts, IReadOnlyDictionary<string, string> form)
    {
        var anonymous = Browser(portal);
        var anonymousToken = await anonymous.TokenAsync("/login");
        foreach (var url in pages)
        {
            LocationPath(await anonymous.Http.GetAsync(url)).ShouldBe("/login", url);
        }

        foreach (var url in posts)
        {
            LocationPath(await anonymous.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = anonymousToken })))
                .ShouldBe("/login", url);
        }

        var patient = Browser(portal);
        (await patient.SignInAsDemoPatientAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = await patient.TokenAsync("/");
        foreach (var url in pages)
        {
            (await patient.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        foreach (var url in posts)
        {
            var fields = new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token };
            (await patient.Http.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        return patient;
    }
}
