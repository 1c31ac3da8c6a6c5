using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Startup;

/// <summary>
/// Development only: the demo clinic's children, as in the guide's screenshots, attached to the demo accounts of
/// <see cref="DemoClinic"/> (fixed ids, so no question to Accounts is needed; the parents' own profiles arrive through
/// <see cref="AccountRegistered"/>, whenever the outbox delivers it).
/// <list type="bullet">
/// <item>Heather Milner: her son Nathan Milner (2017-02-18), every tab; Hugo Lévesque (2005-10-20), whose link ended on
/// his 14th birthday (2019-10-20, midnight in Montreal) with the guide's message.</item>
/// <item>The second family, Sophie Gagnon: her daughter Léa Gagnon (2019-09-03), every tab. Signed in as one parent,
/// the other family's ids must lead nowhere.</item>
/// </list>
/// Each child is added when its chart number is missing. Nathan and Léa have the fixed ids of <see cref="DemoClinic"/>
/// (the demo appointments are theirs) and Dr. Medfar Solutions as assigned practitioner.
/// </summary>
internal sealed class DemoProfiles(ProfilesDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    public const string NathanChart = "DEMO-1002";
    public const string HugoChart = "DEMO-1003";
    public const string LeaChart = "DEMO-2002";

    /// <summary>After Accounts' <c>DemoAccounts</c> (10).</summary>
    public int Order => 20;

    public async Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        if (await ChildAsync(DemoClinic.NathanMilnerProfileId, NathanChart, "Nathan", "Milner", new DateOnly(2017, 2, 18), "MILN17021812", "Heather Milner", DemoClinic.HeatherMilnerEmail, cancellationToken) is { } nathan)
        {
            Attach(DemoClinic.HeatherMilnerAccountId, nathan, Relationship.Parent, now);
            lines.Add("Heather Milner's son Nathan Milner (2017-02-18), every tab");
        }

        if (await ChildAsync(null, HugoChart, "Hugo", "Lévesque", new DateOnly(2005, 10, 20), "LEVH05102012", "Heather Milner", DemoClinic.HeatherMilnerEmail, cancellationToken) is { } hugo)
        {
            // Attached as a child in 2012; the link ended at his 14th birthday, midnight in Montreal (EDT, UTC-4).
            var (access, granted) = ProfileAccess.GrantProxy(DemoClinic.HeatherMilnerAccountId, hugo.Id, Relationship.Guardian, ProfileTabs.All,
                AccessState.Active, DemoClinic.HeatherMilnerAccountId, consentGivenBy: null, ConsentBasis.GuardianOnFile, new DateTimeOffset(2012, 9, 4, 14, 0, 0, TimeSpan.Zero));
            db.Accesses.Add(access);
            db.AccessChanges.Add(granted);
            db.AccessChanges.Add(access.Revoke(RevocationReason.AgeOfConsentReached, changedBy: null, ConsentBasis.System, new DateTimeOffset(2019, 10, 20, 4, 0, 0, TimeSpan.Zero)));
            lines.Add("Heather Milner's former ward Hugo Lévesque (2005-10-20): access ended at the age of consent");
        }

        if (await ChildAsync(DemoClinic.LeaGagnonProfileId, LeaChart, "Léa", "Gagnon", new DateOnly(2019, 9, 3), "GAGL19590312", "Sophie Gagnon", DemoClinic.SophieGagnonEmail, cancellationToken) is { } lea)
        {
            Attach(DemoClinic.SophieGagnonAccountId, lea, Relationship.Parent, now);
            lines.Add($"second family: {DemoClinic.SophieGagnonEmail} / {DemoClinic.Password}, daughter Léa Gagnon (2019-09-03), every tab");
        }

        if (lines.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return lines;
    }

    /// <returns>The new record, or null when it is there already.</returns>
    private async Task<Profile?> ChildAsync(
        Guid? id, string chart, string firstName, string lastName, DateOnly born, string card, string guardian, string guardianEmail, CancellationToken cancellationToken)
    {
        if (await db.Profiles.AnyAsync(p => p.ClinicPatientId == chart, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var child = Profile.Create(firstName, lastName, born, card, contactEmail: null, "fr-CA", [], chart, now, id);
        child.UpdateRecord(new ProfileRecord(
            new PersonalInformation(firstName, lastName, [], null, "Montréal", "QC", null, null, "fr-CA"),
            chart, born, null, card, null, DemoClinic.DrMedfarSolutionsId, guardian, guardianEmail), now);
        db.Profiles.Add(child);
        return child;
    }

    /// <summary>Connected by the parent, whom the record names as guardian (Connected Accounts): active, every tab.</summary>
    private void Attach(Guid accountId, Profile child, Relationship relationship, DateTimeOffset now)
    {
        var (access, change) = ProfileAccess.GrantProxy(accountId, child.Id, relationship, ProfileTabs.All, AccessState.Active,
            accountId, consentGivenBy: null, ConsentBasis.GuardianOnFile, now);
        db.Accesses.Add(access);
        db.AccessChanges.Add(change);
        db.Publish(new ProfileAccessGranted(accountId, child.Id, relationship, AccessState.Active, ProfileTabs.All), clock);
    }
}
