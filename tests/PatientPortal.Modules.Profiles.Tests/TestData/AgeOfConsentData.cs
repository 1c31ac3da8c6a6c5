using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Jobs;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>Families whose children reach the age of consent, and the age-of-consent job's traces (mail, events, audit).</summary>
internal static class AgeOfConsentData
{
    /// <summary>A parent who registered on the portal (their own profile carries their contact email and language).</summary>
    public static async Task<AccountRegistered> ParentAsync(this ProfilesHarness profiles, string language = "en-CA", string firstName = "Heather")
    {
        return await profiles.RegisteredAsync(Registrations.SelfRegistered(firstName) with { Language = language });
    }

    /// <summary>A child's record with an optional contact email of their own.</summary>
    public static async Task<Guid> TeenAsync(this ProfilesHarness profiles, string firstName, DateOnly dateOfBirth, string? contactEmail = null, string language = "fr-CA") =>
        (await profiles.SaveNewAsync(Profile.Create(firstName, "Milner", dateOfBirth, healthInsuranceNumber: "MILN12031512", contactEmail, language, [],
            clinicPatientId: null, profiles.Clock.GetUtcNow()))).Id;

    /// <summary>Staff attach the child to the parent's account, active, every tab (no consent from the child: it ends at 14).</summary>
    public static Task<Guid> AttachAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId) => profiles.GrantAsync(accountId, profileId);

    /// <summary>One run of the job, in a scope of its own, as Quartz runs it.</summary>
    public static async Task<AgeOfConsentRun> RunAgeOfConsentJobAsync(this ProfilesHarness profiles)
    {
        using var scope = profiles.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AgeOfConsentJob>().RunAsync(CancellationToken.None);
    }

    public static Task<ProfileAccess> AccessAsync(this ProfilesHarness profiles, Guid accessId) =>
        profiles.QueryAsync(db => db.Accesses.AsNoTracking().SingleAsync(a => a.Id == accessId));

    public static Task<List<QueuedEmail>> MailAsync(this ProfilesHarness profiles) =>
        profiles.QueryAsync(db => db.QueuedEmails.AsNoTracking().OrderBy(m => m.CreatedUtc).ThenBy(m => m.To).ToListAsync());

    public static Task<List<AccessChange>> ChangesAsync(this ProfilesHarness profiles, AccessChangeKind kind) =>
        profiles.QueryAsync(db => db.AccessChanges.AsNoTracking().Where(c => c.Kind == kind).ToListAsync());

    /// <summary>The events of type <typeparamref name="T"/> waiting in the module's outbox.</summary>
    public static Task<List<T>> PublishedAsync<T>(this ProfilesHarness profiles) => profiles.OutboxAsync<T>();

    /// <summary>Montreal local time given as UTC ("2026-07-15T04:00:00Z").</summary>
    public static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}
