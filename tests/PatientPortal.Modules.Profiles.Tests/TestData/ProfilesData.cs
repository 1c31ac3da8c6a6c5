using System.Text.Json;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>
/// The one way each kind of test data is written to (and read back from) the module's database; the helpers in the
/// other files of this folder (<see cref="Families"/>, <see cref="Connections"/>, <see cref="StaffTestData"/>,
/// <see cref="AgeOfConsentData"/>, <see cref="ClinicRecords"/>) say what they build and write it through these.
/// </summary>
internal static class ProfilesData
{
    /// <summary>Accounts says an account registered: the module creates (or links) its own profile.</summary>
    public static async Task<AccountRegistered> RegisteredAsync(this ProfilesHarness profiles, AccountRegistered registered)
    {
        await profiles.DeliverAsync(registered);
        return registered;
    }

    /// <summary>A record written as it is, not through a slice.</summary>
    public static Task<Profile> SaveNewAsync(this ProfilesHarness profiles, Profile record) =>
        profiles.QueryAsync(async db =>
        {
            db.Profiles.Add(record);
            await db.SaveChangesAsync();
            return record;
        });

    /// <summary>
    /// Staff's decision, written as it is: <paramref name="accountId"/> acts for <paramref name="profileId"/> as
    /// <paramref name="relationship"/> with <paramref name="tabs"/> (no consent from the person), revoked at once when
    /// <paramref name="revoke"/> says why. Returns the link's id.
    /// </summary>
    public static Task<Guid> GrantAsync(
        this ProfilesHarness profiles, Guid accountId, Guid profileId, Relationship relationship = Relationship.Parent, ProfileTabs tabs = ProfileTabs.All,
        AccessState state = AccessState.Active, RevocationReason? revoke = null, ConsentBasis basis = ConsentBasis.StaffDecision) =>
        profiles.QueryAsync(async db =>
        {
            var now = profiles.Clock.GetUtcNow();
            var (access, change) = ProfileAccess.GrantProxy(accountId, profileId, relationship, tabs, state, Guid.CreateVersion7(), consentGivenBy: null, basis, now);
            db.Accesses.Add(access);
            db.AccessChanges.Add(change);
            if (revoke is { } reason)
            {
                db.AccessChanges.Add(access.Revoke(reason, changedBy: null, ConsentBasis.System, now));
            }

            await db.SaveChangesAsync();
            return access.Id;
        });

    /// <summary>The account's link to the profile, if any.</summary>
    public static Task<ProfileAccess?> FindLinkAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId) =>
        profiles.QueryAsync(db => db.Accesses.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId && a.ProfileId == profileId));

    /// <summary>The mail queued to an address (in the order the database gives).</summary>
    public static Task<List<QueuedEmail>> QueuedToAsync(this ProfilesHarness profiles, string to) =>
        profiles.QueryAsync(db => db.QueuedEmails.AsNoTracking().Where(m => m.To == to).ToListAsync());

    /// <summary>The events of type <typeparamref name="T"/> waiting in the module's outbox, oldest first.</summary>
    public static async Task<List<T>> OutboxAsync<T>(this ProfilesHarness profiles)
    {
        var name = typeof(T).FullName + ",";
        var rows = await profiles.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        return rows.Where(r => r.Type.StartsWith(name, StringComparison.Ordinal)).OrderBy(r => r.OccurredUtc)
            .Select(r => JsonSerializer.Deserialize<T>(r.Payload)!).ToList();
    }
}
