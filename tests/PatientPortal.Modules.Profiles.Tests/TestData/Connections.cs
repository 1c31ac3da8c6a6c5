using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>Records and accounts for the Connected Accounts tests.</summary>
internal static class Connections
{
    public const string NathanCard = Registrations.NathanCard;
    public static readonly DateOnly NathanBirthDate = Registrations.NathanBirthDate;

    /// <summary>A clinic record as staff keep it: card, contact email and language, the guardian on file.</summary>
    public static async Task<Guid> RecordAsync(
        this ProfilesHarness profiles, string firstName, string lastName, DateOnly dateOfBirth, string card,
        string? guardianEmail = null, string? contactEmail = null, string language = "fr-CA")
    {
        var now = profiles.Clock.GetUtcNow();
        var record = Profile.Create(firstName, lastName, dateOfBirth, card, contactEmail, language, [], clinicPatientId: null, now);
        record.UpdateRecord(new ProfileRecord(
            new PersonalInformation(firstName, lastName, [], null, null, null, null, contactEmail, language),
            ClinicPatientId: null, dateOfBirth, Sex: null, card, HealthInsuranceExpiry: null, AssignedPractitionerId: null,
            GuardianName: guardianEmail is null ? null : "Guardian", guardianEmail), now);
        return (await profiles.SaveNewAsync(record)).Id;
    }

    /// <summary>A patient who registered (own profile, contact email = sign-in email) and whose sign-in email Accounts knows.</summary>
    public static async Task<AccountRegistered> PatientAsync(
        this ProfilesHarness profiles, string firstName, string lastName, DateOnly dateOfBirth, string card, string? email = null, string language = "en-CA")
    {
        var registered = await profiles.RegisteredAsync(Registrations.SelfRegistered(firstName, lastName, dateOfBirth, card) with
        {
            Email = email ?? $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com",
            Language = language,
        });
        profiles.Services.GetRequiredService<SignInEmails>().Set(registered.AccountId, registered.Email);
        return registered;
    }

    /// <summary>Connects as <paramref name="accountId"/>.</summary>
    public static Task<Result<ConnectOutcome>> ConnectAsync(
        this ProfilesHarness profiles, Guid accountId, string firstName, string lastName, DateOnly dateOfBirth, string card, Relationship relationship = Relationship.Parent)
    {
        profiles.Current.AccountId = accountId;
        return profiles.SendAsync(new ConnectProfile(firstName, lastName, dateOfBirth, card, relationship));
    }

    public static Task<bool> MayActForAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId, ProfileTabs tab = ProfileTabs.Appointments)
    {
        profiles.Current.AccountId = accountId;
        return profiles.SendAsync(new MayActFor(profileId, tab));
    }

    public static Task<List<ConnectionAttempt>> AttemptsAsync(this ProfilesHarness profiles, Guid accountId) =>
        profiles.QueryAsync(db => db.ConnectionAttempts.AsNoTracking().Where(a => a.AccountId == accountId).ToListAsync());

    public static Task<ProfileAccess?> LinkAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId) => profiles.FindLinkAsync(accountId, profileId);

    public static Task<List<string>> EventsAsync(this ProfilesHarness profiles) =>
        profiles.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.OccurredUtc).Select(m => m.Type).ToListAsync());

    public static Task<List<PatientPortal.BuildingBlocks.Email.QueuedEmail>> MailsToAsync(this ProfilesHarness profiles, string to) => profiles.QueuedToAsync(to);
}
