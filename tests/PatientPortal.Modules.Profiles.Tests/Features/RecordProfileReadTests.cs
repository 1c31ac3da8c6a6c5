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
        // Staff opening a record that does not exist (an id typed into the address) read nobody's file: no orphan row.
        await profiles.SendAsync(new RecordProfileRead(staff, Guid.CreateVersion7(), "access-log", Allowed: true, ByStaff: true));

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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_trail_row_goes_to_the_outbox_as_a_file_read_with_the_readers_name_kind_and_object(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Milner", Registrations.NathanBirthDate);
        var staff = Guid.CreateVersion7();
        var appointment = Guid.CreateVersion7();
        var attachment = Guid.CreateVersion7();

        await profiles.SendAsync(new RecordProfileRead(family.ParentAccountId, family.ParentProfileId, "appointments", Allowed: true));
        await profiles.SendAsync(new RecordProfileRead(family.ParentAccountId, family.ChildId, "appointment", Allowed: false, ObjectId: appointment));
        profiles.Current.SignedInAs(staff, PatientPortal.Modules.Accounts.Contracts.Roles.Admin);
        profiles.Current.DisplayName = "Dr Medfar Solutions";
        await profiles.SendAsync(new RecordProfileRead(staff, family.ChildId, "attachment", Allowed: true, ByStaff: true, ObjectId: attachment));

        var reads = await profiles.ReadsAsync();
        var events = await profiles.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(nameof(ProfileFileRead))).ToListAsync());
        var published = events.Select(m => System.Text.Json.JsonSerializer.Deserialize<ProfileFileRead>(m.Payload)!).ToList();
        // One event per row, with the row's id: a save tried again cannot publish a row twice.
        published.Select(e => e.EventId).ShouldBe(reads.Select(r => r.Id), ignoreOrder: true);
        published.Select(e => (e.ProfileId, e.ReaderAccountId, e.ReaderRole, e.ReaderName, e.StaffRole, e.Kind, e.What, e.ObjectId, e.Allowed)).ShouldBe(
        [
            (family.ParentProfileId, family.ParentAccountId, "Self", "Parent Milner", null, FileReadKinds.Page, "appointments", null, true),
            (family.ChildId, family.ParentAccountId, "Proxy", "Parent Milner", null, FileReadKinds.Document, "appointment", appointment, false),
            (family.ChildId, staff, "Staff", "Dr Medfar Solutions", "Admin", FileReadKinds.Download, "attachment", attachment, true),
        ], ignoreOrder: true);
        published.ShouldAllBe(e => e.ReadUtc == profiles.Clock.GetUtcNow());
        reads.Single(r => r.What == "attachment").ObjectId.ShouldBe(attachment);
    }
}
