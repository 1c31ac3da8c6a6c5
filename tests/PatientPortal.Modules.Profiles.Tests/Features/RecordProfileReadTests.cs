namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>Other modules' reads of a profile (issue 9: appointments) go on Profiles' access trail with the reader's capacity.</summary>
public sealed class RecordProfileReadTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_read_is_recorded_as_self_proxy_or_staff_allowed_or_refused(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", Registrations.NathanBirthDate);
        var stranger = Guid.CreateVersion7();
        var staff = Guid.CreateVersion7();

        await profiles.SendAsync(new RecordProfileRead(family.ParentAccountId, family.ParentProfileId, "appointments", Allowed: true));
        await profiles.SendAsync(new RecordProfileRead(family.ParentAccountId, family.ChildId, "appointment", Allowed: true));
        await profiles.SendAsync(new RecordProfileRead(stranger, family.ChildId, "appointment-cancel", Allowed: false));
        await profiles.SendAsync(new RecordProfileRead(staff, family.ChildId, "calendar", Allowed: true, ByStaff: true));

        var reads = await profiles.QueryAsync(db => db.ProfileReads.AsNoTracking().ToListAsync());
        // Version 7 ids made in the same millisecond are not in order: compared as a set.
        reads.Select(r => (r.ReaderAccountId, r.ProfileId, r.Role, r.What, r.Allowed)).ShouldBe(
        [
            (family.ParentAccountId, family.ParentProfileId, ReaderRole.Self, "appointments", true),
            (family.ParentAccountId, family.ChildId, ReaderRole.Proxy, "appointment", true),
            (stranger, family.ChildId, ReaderRole.Proxy, "appointment-cancel", false),
            (staff, family.ChildId, ReaderRole.Staff, "calendar", true),
        ], ignoreOrder: true);
        reads.ShouldAllBe(r => r.ReadUtc == profiles.Clock.GetUtcNow());
    }
}
