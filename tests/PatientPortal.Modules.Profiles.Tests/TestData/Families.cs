namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>A parent account with its own profile and a child's record linked to it (until the staff slice does this).</summary>
internal sealed record Family(Guid ParentAccountId, Guid ParentProfileId, Guid ChildId);

internal static class Families
{
    public const string ChildCard = Registrations.NathanCard;

    /// <summary>A parent registered on their own, and a child's record (with a health card) linked to them as <paramref name="relationship"/>.</summary>
    public static async Task<Family> FamilyAsync(
        this ProfilesHarness profiles, string lastName, DateOnly childBirthDate, ProfileTabs tabs = ProfileTabs.All,
        AccessState state = AccessState.Active, Relationship relationship = Relationship.Parent, ConsentBasis basis = ConsentBasis.StaffDecision)
    {
        var parent = await profiles.RegisteredAsync(Registrations.SelfRegistered("Parent", lastName, new DateOnly(1980, 1, 5), card: null));
        var parentProfile = await profiles.QueryAsync(db => db.Accesses.Where(a => a.AccountId == parent.AccountId).Select(a => a.ProfileId).SingleAsync());
        var child = await profiles.SaveNewAsync(Profile.Create("Child", lastName, childBirthDate, ChildCard, contactEmail: null, "fr-CA",
            [new ProfilePhone("514 555-0142", "Home")], clinicPatientId: null, profiles.Clock.GetUtcNow()));
        await profiles.GrantAsync(parent.AccountId, child.Id, relationship, tabs, state, basis: basis);
        return new Family(parent.AccountId, parentProfile, child.Id);
    }

    public static Task<List<ProfileRead>> ReadsAsync(this ProfilesHarness profiles) =>
        profiles.QueryAsync(db => db.ProfileReads.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    /// <summary>The outbox but the trail's own events (<c>ProfileFileRead</c>, one per trail row: RecordProfileReadTests).</summary>
    public static Task<List<PatientPortal.BuildingBlocks.Outbox.OutboxMessage>> PublishedBesideTheTrailAsync(this ProfilesHarness profiles) =>
        profiles.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => !m.Type.Contains(nameof(ProfileFileRead))).ToListAsync());

    public static Task<List<ProfileChange>> ProfileChangesAsync(this ProfilesHarness profiles) =>
        profiles.QueryAsync(db => db.ProfileChanges.AsNoTracking().OrderBy(c => c.ChangedUtc).ThenBy(c => c.Id).ToListAsync());

    public static Task<Profile> RecordAsync(this ProfilesHarness profiles, Guid id) =>
        profiles.QueryAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id));

    /// <summary>The first instant of a day in Montreal, as UTC.</summary>
    public static DateTimeOffset MontrealMidnight(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("America/Montreal"));
}
