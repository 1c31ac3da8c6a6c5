using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Modules.Profiles.Data;
using PatientPortal.Modules.Profiles.Domain;
using PatientPortal.Testing;

namespace PatientPortal.Host.Tests.Profiles;

/// <summary>
/// What the profile page tests share: families seeded with the Profiles module's own domain methods (the staff slice
/// that attaches a child will replace <see cref="AttachChildAsync"/>), the read trail, and requests that carry a chosen
/// selected-profile cookie, as an attacker's browser would.
/// </summary>
internal static class ProfilesPortal
{
    /// <summary>The cookie the portal names in Development (outside it, "__Host-portal-profile").</summary>
    public const string SelectionCookie = "portal-profile";

    /// <summary>Waits for Profiles to give a registered account its own profile (the outbox runs every second; a fake clock is moved on).</summary>
    public static async Task<(Guid AccountId, Guid ProfileId)> OwnProfileAsync(PortalFactory portal, string email, FakeTimeProvider? clock = null)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var own = await QueryAsync(portal, db => db.Profiles.Where(p => p.ContactEmail == email)
                .Join(db.Accesses.Where(a => a.Relationship == Relationship.Self), p => p.Id, a => a.ProfileId, (p, a) => new { a.AccountId, ProfileId = p.Id })
                .FirstOrDefaultAsync());
            if (own is not null)
            {
                return (own.AccountId, own.ProfileId);
            }

            clock?.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
        }

        throw new TimeoutException($"No own profile for {email}.");
    }

    /// <summary>A child's record at the clinic, attached to the parent's account by staff with these tabs (active).</summary>
    public static Task<Guid> AttachChildAsync(
        PortalFactory portal, Guid parentAccountId, string firstName, string lastName, DateOnly dateOfBirth, string card, ProfileTabs tabs = ProfileTabs.All,
        Relationship relationship = Relationship.Parent, ConsentBasis basis = ConsentBasis.StaffDecision) =>
        QueryAsync(portal, async db =>
        {
            var now = portal.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var child = Profile.Create(firstName, lastName, dateOfBirth, card, contactEmail: null, "fr-CA", [new ProfilePhone("514 555-0142", "Home")], clinicPatientId: null, now);
            db.Profiles.Add(child);
            var (access, change) = ProfileAccess.GrantProxy(parentAccountId, child.Id, relationship, tabs, AccessState.Active, Guid.CreateVersion7(), null, basis, now);
            db.Accesses.Add(access);
            db.AccessChanges.Add(change);
            await db.SaveChangesAsync();
            return child.Id;
        });

    public static Task<Profile> RecordAsync(PortalFactory portal, Guid profileId) =>
        QueryAsync(portal, db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId));

    public static Task<ProfileAccess> LinkAsync(PortalFactory portal, Guid accountId, Guid profileId) =>
        QueryAsync(portal, db => db.Accesses.AsNoTracking().SingleAsync(a => a.AccountId == accountId && a.ProfileId == profileId));

    public static Task<List<ProfileRead>> ReadsAsync(PortalFactory portal, Guid profileId) =>
        QueryAsync(portal, db => db.ProfileReads.AsNoTracking().Where(r => r.ProfileId == profileId).OrderBy(r => r.Id).ToListAsync());

    public static Task<List<ProfileChange>> ProfileChangesAsync(PortalFactory portal, Guid profileId) =>
        QueryAsync(portal, db => db.ProfileChanges.AsNoTracking().Where(c => c.ProfileId == profileId).OrderBy(c => c.ChangedUtc).ToListAsync());

    /// <summary>A GET or form POST with the selected-profile cookie set to <paramref name="profileId"/> (besides the browser's own cookies).</summary>
    public static async Task<HttpResponseMessage> SendWithSelectionAsync(
        this PortalClient client, HttpMethod method, string url, Guid profileId, IDictionary<string, string>? form = null, string language = "en-CA")
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", $"{SelectionCookie}={profileId}");
        request.Headers.Add("Accept-Language", language);
        if (form is not null)
        {
            var fields = new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = await Accounts.AccountsPortal.TokenAsync(client, "/profiles") };
            request.Content = new FormUrlEncodedContent(fields);
        }

        return await client.Http.SendAsync(request);
    }

    /// <summary>Selects a profile as the Other profiles page does (POST /profiles).</summary>
    public static Task<HttpResponseMessage> SwitchToAsync(this PortalClient client, Guid profileId) =>
        client.PostFormAsync("/profiles", new Dictionary<string, string> { ["profileId"] = profileId.ToString() });

    /// <summary>The Account settings form's personal information, as the page posts it.</summary>
    public static Dictionary<string, string> PersonalForm(string firstName = "Nathan", string lastName = "Milner") => new()
    {
        ["Input.FirstName"] = firstName,
        ["Input.LastName"] = lastName,
        ["Input.PrimaryPhone"] = "514 555-0199",
        ["Input.PrimaryPhoneType"] = "Mobile",
        ["Input.SecondaryPhone"] = "",
        ["Input.SecondaryPhoneType"] = "Home",
        ["Input.AddressLine"] = "1224 rue Stanley",
        ["Input.City"] = "Montréal",
        ["Input.Province"] = "QC",
        ["Input.PostalCode"] = "H3B 2S7",
        ["Input.ContactEmail"] = "famille.milner@example.com",
        ["Input.PreferredLanguage"] = "fr-CA",
    };

    public static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    public static bool IsRefused(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;

    private static async Task<T> QueryAsync<T>(PortalFactory portal, Func<ProfilesDbContext, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProfilesDbContext>());
    }
}
