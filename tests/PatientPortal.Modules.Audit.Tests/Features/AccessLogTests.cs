namespace PatientPortal.Modules.Audit.Tests.Features;

/// <summary>The access log: fed by Profiles' events once each, read by the patient (or a proxy with every permission) and by staff.</summary>
public sealed class AccessLogTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_event_becomes_one_row_and_a_second_delivery_changes_nothing(DatabaseProvider provider)
    {
        await using var audit = await AuditHarness.CreateAsync(provider);
        var attachment = Guid.CreateVersion7();
        var read = audit.Read(AuditHarness.NathanProfile, AuditHarness.Staff, "Staff", "Dr Medfar Solutions", FileReadKinds.Download, "attachment", attachment, staffRole: "Admin");

        await audit.DeliverAsync(read);
        await audit.DeliverAsync(read);
        await Task.WhenAll(audit.DeliverAsync(read), audit.DeliverAsync(read));

        var row = (await audit.RowsAsync()).ShouldHaveSingleItem();
        (row.Id, row.ProfileId, row.ReaderAccountId, row.ReaderRole, row.ReaderName, row.StaffRole, row.Kind, row.What, row.ObjectId, row.Allowed, row.ReadUtc)
            .ShouldBe((read.EventId, AuditHarness.NathanProfile, AuditHarness.Staff, "Staff", "Dr Medfar Solutions", "Admin", "download", "attachment", attachment, true, read.ReadUtc));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_patient_sees_their_profiles_log_newest_first_by_pages_of_25_and_only_that_profiles(DatabaseProvider provider)
    {
        await using var audit = await AuditHarness.CreateAsync(provider);
        var reads = Enumerable.Range(0, 30).Select(i => audit.Read(AuditHarness.HeatherProfile, what: $"read-{i}", allowed: i % 7 != 0)).ToList();
        foreach (var read in reads)
        {
            await audit.DeliverAsync(read);
        }

        await audit.DeliverAsync(audit.Read(AuditHarness.NathanProfile, what: "someone-else"));
        audit.Links.Allow(AuditHarness.Heather, AuditHarness.HeatherProfile, ProfileTabs.None); // Self: Profiles answers yes for every tab
        audit.Links.Allow(AuditHarness.Heather, AuditHarness.HeatherProfile);
        audit.SignedInAs(AuditHarness.Heather);

        var first = (await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.HeatherProfile))).Value;
        var second = (await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.HeatherProfile, 2))).Value;
        var past = (await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.HeatherProfile, int.MaxValue))).Value;
        var negative = (await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.HeatherProfile, -5))).Value;

        (first.Total, first.PageCount, first.Rows.Count, second.Rows.Count).ShouldBe((30, 2, 25, 5));
        first.Rows.Select(r => r.What).Concat(second.Rows.Select(r => r.What)).ShouldBe(reads.Select(r => r.What).Reverse());
        first.Rows.Where(r => !r.Allowed).Select(r => r.What).ShouldBe(["read-28", "read-21", "read-14", "read-7"]);
        past.Rows.ShouldBeEmpty();
        negative.Page.ShouldBe(1);
        negative.Rows.Count.ShouldBe(25);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_proxy_sees_the_log_only_with_every_permission_and_nobody_else_does(DatabaseProvider provider)
    {
        await using var audit = await AuditHarness.CreateAsync(provider);
        await audit.DeliverAsync(audit.Read(AuditHarness.NathanProfile, AuditHarness.Heather, "Proxy"));
        audit.Links.Allow(AuditHarness.Heather, AuditHarness.NathanProfile); // every tab
        audit.Links.Allow(AuditHarness.Caregiver, AuditHarness.NathanProfile, ProfileTabs.Appointments | ProfileTabs.Messages | ProfileTabs.Documents);

        audit.SignedInAs(AuditHarness.Heather);
        var parent = await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.NathanProfile));
        audit.SignedInAs(AuditHarness.Caregiver);
        var caregiver = await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.NathanProfile));
        audit.SignedInAs(Guid.CreateVersion7());
        var stranger = await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.NathanProfile));
        audit.SignedInAsStaff(); // staff read it on the admin side, not as a patient
        var staffAsPatient = await audit.SendAsync(new GetMyFileAccessLog(AuditHarness.NathanProfile));

        parent.Value.Rows.ShouldHaveSingleItem().ReaderRole.ShouldBe("Proxy");
        caregiver.Errors.ShouldBe([new Error(AuditErrors.NotFound)]);
        stranger.Errors.ShouldBe([new Error(AuditErrors.NotFound)]);
        staffAsPatient.Errors.ShouldBe([new Error(AuditErrors.NotFound)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Staff_read_a_patients_log_and_export_a_window_with_the_profiles_it_touched(DatabaseProvider provider)
    {
        await using var audit = await AuditHarness.CreateAsync(provider);
        var before = audit.Read(AuditHarness.HeatherProfile, what: "before");
        audit.Clock.Advance(TimeSpan.FromHours(1));
        var from = audit.Clock.GetUtcNow();
        var inside = new[]
        {
            audit.Read(AuditHarness.HeatherProfile, what: "settings"),
            audit.Read(AuditHarness.NathanProfile, AuditHarness.Heather, "Proxy", what: "appointment", objectId: Guid.CreateVersion7(), kind: FileReadKinds.Document),
            audit.Read(AuditHarness.NathanProfile, Guid.CreateVersion7(), "Proxy", "Someone Else", what: "communication", allowed: false),
        };
        var to = audit.Clock.GetUtcNow();
        var atEnd = audit.Read(AuditHarness.HeatherProfile, what: "at-the-end"); // [from, to): the end is out
        foreach (var read in inside.Append(before).Append(atEnd))
        {
            await audit.DeliverAsync(read);
        }

        audit.SignedInAs(AuditHarness.Heather);
        var patientLog = await audit.SendAsync(new GetPatientFileAccessLog(AuditHarness.NathanProfile));
        var patientExport = await audit.SendAsync(new ExportFileAccesses(from, to));
        audit.Current.SignedInAs(AuditHarness.Staff, PatientPortal.Modules.Accounts.Contracts.Roles.Staff, secondFactorPassed: false);
        var noSecondFactor = await audit.SendAsync(new ExportFileAccesses(from, to));
        audit.SignedInAsStaff();
        var staffLog = (await audit.SendAsync(new GetPatientFileAccessLog(AuditHarness.NathanProfile))).Value;
        var export = (await audit.SendAsync(new ExportFileAccesses(from, to))).Value;
        var backwards = await audit.SendAsync(new ExportFileAccesses(to, from));
        var tooLong = await audit.SendAsync(new ExportFileAccesses(from.AddDays(-ExportFileAccesses.MaxDays - 1), to));

        patientLog.Errors.ShouldBe([Error.Forbidden]);
        patientExport.Errors.ShouldBe([Error.Forbidden]);
        noSecondFactor.Errors.ShouldBe([Error.Forbidden]);
        staffLog.Rows.Select(r => r.What).ShouldBe(["communication", "appointment"]);
        // Staff opening the log is on the patient's trail; the patient's refused try is not a read of the log.
        audit.Trail.ShouldBe([new RecordProfileRead(AuditHarness.Staff, AuditHarness.NathanProfile, "access-log", Allowed: true, ByStaff: true)]);
        export.Accesses.Select(r => r.What).ShouldBe(["settings", "appointment", "communication"]);
        export.Truncated.ShouldBeFalse();
        export.Profiles.Select(p => (p.ProfileId, p.Accesses, p.Refused, p.FirstUtc, p.LastUtc)).ShouldBe(
        [
            (AuditHarness.HeatherProfile, 1, 0, inside[0].ReadUtc, inside[0].ReadUtc),
            (AuditHarness.NathanProfile, 2, 1, inside[1].ReadUtc, inside[2].ReadUtc),
        ]);
        backwards.Errors.ShouldBe([new Error(AuditErrors.WindowInvalid)]);
        tooLong.Errors.ShouldBe([new Error(AuditErrors.WindowInvalid)]);
    }
}
