using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Inbox.Tests.Features;

/// <summary>The clinic's side: composing (the rules), the inbox of replies with its unread state, writing again, staff-only.</summary>
public sealed class StaffTests
{
    private static ComposeCommunication Compose(
        Guid profileId, CommunicationCategory category = CommunicationCategory.Message, string subject = "Subject", string body = "Body",
        IReadOnlyList<AttachmentUpload>? attachments = null, int replies = 1, Guid? site = null, Guid? from = null, string type = "Dermatology") =>
        new(profileId, category, subject, body, from, site ?? FakeClinic.MyClinic, type, attachments ?? [], replies);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_same_compose_form_sent_again_or_four_times_at_once_makes_one_communication_and_tells_the_patient_once(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");
        harness.Recipients.Add(Family.HeatherProfile, Family.HeatherAccount, "heather@example.test", "en-CA", ProfileTabs.Bills);
        harness.SignedInAsStaff();
        ComposeCommunication Bill(Guid form) =>
            new(Family.HeatherProfile, CommunicationCategory.Bill, "Receipt", "Body", null, FakeClinic.MyClinic, "Receipt", [Pdfs.Upload("r.pdf")], 1, form);

        // A double click, or the POST replayed (review L6).
        var form = Guid.NewGuid();
        var first = await harness.SendAsync(Bill(form));
        var emails = (await harness.QueuedEmailsAsync()).Count;
        var again = await harness.SendAsync(Bill(form));

        again.Value.ShouldBe(first.Value);
        (await harness.QueuedEmailsAsync()).Count.ShouldBe(emails, "nothing is sent twice");
        emails.ShouldBeGreaterThan(0);

        var raced = Guid.NewGuid();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PerTaskAccount.AsStaff(harness, Bill(raced)))));
        results.ShouldAllBe(r => r.IsSuccess);
        results.Select(r => r.Value).Distinct().Count().ShouldBe(1);

        (await harness.QueryAsync(db => db.Communications.CountAsync())).ShouldBe(2);
        (await harness.QueuedEmailsAsync()).Count.ShouldBe(emails * 2);
        harness.StoredFiles().Length.ShouldBe(2, "the files of the submissions that lost the race are deleted");
        (await harness.QueryAsync(db => db.FileCleanups.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_same_write_again_form_sent_twice_writes_once(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");
        harness.Recipients.Add(Family.HeatherProfile, Family.HeatherAccount, "heather@example.test", "en-CA", ProfileTabs.Messages);
        harness.SignedInAsStaff();
        var id = (await harness.SendAsync(Compose(Family.HeatherProfile))).Value;
        var emails = (await harness.QueuedEmailsAsync()).Count;
        var form = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PerTaskAccount.AsStaff(harness, new StaffWriteAgain(id, "One more thing", null, form)))));
        (await harness.SendAsync(new StaffWriteAgain(id, "One more thing", null, form))).IsSuccess.ShouldBeTrue();
        (await harness.SendAsync(new StaffWriteAgain(id, "Another thing", null, Guid.NewGuid()))).IsSuccess.ShouldBeTrue();

        results.ShouldAllBe(r => r.IsSuccess);
        (await harness.QueryAsync(db => db.Messages.Where(m => m.CommunicationId == id).Select(m => m.Body).ToListAsync()))
            .Order().ShouldBe(["Another thing", "Body", "One more thing"]);
        (await harness.QueuedEmailsAsync()).Count.ShouldBe(emails * 3);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Composing_checks_each_field_and_keeps_nothing_of_a_refused_request(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");
        harness.SignedInAsStaff();

        async Task<string> KeyOf(ComposeCommunication request) => (await harness.SendAsync(request)).Errors.Select(e => e.Key).Single();

        (await KeyOf(Compose(Family.HeatherProfile, subject: " "))).ShouldBe(InboxErrors.SubjectRequired);
        (await KeyOf(Compose(Family.HeatherProfile, subject: new string('s', 151)))).ShouldBe(InboxErrors.SubjectTooLong);
        (await KeyOf(Compose(Family.HeatherProfile, subject: "Line\nbreak"))).ShouldBe(InboxErrors.InvalidCharacters);
        (await KeyOf(Compose(Family.HeatherProfile, body: ""))).ShouldBe(InboxErrors.BodyRequired);
        (await KeyOf(Compose(Family.HeatherProfile, body: new string('b', 10_001)))).ShouldBe(InboxErrors.BodyTooLong);
        (await KeyOf(Compose(Family.HeatherProfile, body: "bell\u0007"))).ShouldBe(InboxErrors.InvalidCharacters);
        (await KeyOf(Compose(Family.HeatherProfile, type: new string('x', 101)))).ShouldBe(InboxErrors.LabelTooLong);
        (await KeyOf(Compose(Family.HeatherProfile, type: "Dr\r\nBcc: x@evil.test"))).ShouldBe(InboxErrors.InvalidCharacters);
        (await KeyOf(Compose(Family.HeatherProfile, replies: 11))).ShouldBe(InboxErrors.RepliesOutOfRange);
        (await KeyOf(Compose(Family.HeatherProfile, replies: -1))).ShouldBe(InboxErrors.RepliesOutOfRange);
        (await KeyOf(Compose(Family.HeatherProfile, CommunicationCategory.Bill))).ShouldBe(InboxErrors.AttachmentRequired);
        (await KeyOf(Compose(Family.HeatherProfile, attachments: [.. Enumerable.Range(0, 11).Select(i => Pdfs.Upload($"{i}.pdf"))])))
            .ShouldBe(InboxErrors.TooManyAttachments);
        (await KeyOf(Compose(Family.OtherProfile))).ShouldBe(InboxErrors.UnknownPatient);
        (await KeyOf(Compose(Family.HeatherProfile, CommunicationCategory.Document, attachments: [Pdfs.Upload("ok.pdf"), Pdfs.Upload("fake.pdf", "%PDF-1.7 not really"u8.ToArray())])))
            .ShouldBe(InboxErrors.AttachmentNotPdf);

        (await harness.QueryAsync(db => db.Communications.CountAsync())).ShouldBe(0);
        (await harness.QueryAsync(db => db.FileCleanups.CountAsync())).ShouldBe(0);
        harness.StoredFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_sender_and_the_site_are_the_clinics_active_ones_kept_as_named_then_and_any_other_is_refused_with_nothing_written(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");
        harness.Recipients.Add(Family.HeatherProfile, Family.HeatherAccount, "heather@example.test", "en-CA", ProfileTabs.Messages);
        harness.SignedInAsStaff();
        harness.Clinic.Deactivate(FakeClinic.Nguyen);

        // Crafted or stale values (review L2): an id the clinic does not have, a form value that is no id (the page sends
        // Guid.Empty), a practitioner deactivated since the form was drawn, a site's id as the sender and back.
        var cases = new (Guid? From, Guid Site, string[] Keys)[]
        {
            (Guid.NewGuid(), FakeClinic.MyClinic, [InboxErrors.UnknownSender]),
            (FakeClinic.Nguyen, FakeClinic.MyClinic, [InboxErrors.UnknownSender]),
            (null, Guid.NewGuid(), [InboxErrors.UnknownSite]),
            (Guid.Empty, Guid.Empty, [InboxErrors.UnknownSender, InboxErrors.UnknownSite]),
            (FakeClinic.MyClinic, FakeClinic.Medfar, [InboxErrors.UnknownSender, InboxErrors.UnknownSite]),
        };
        foreach (var (from, site, keys) in cases)
        {
            (await harness.SendAsync(Compose(Family.HeatherProfile, from: from, site: site))).Errors.Select(e => e.Key).ShouldBe(keys, $"{from} at {site}");
        }

        (await harness.QueryAsync(db => db.Communications.CountAsync())).ShouldBe(0);
        (await harness.QueuedEmailsAsync()).ShouldBeEmpty();

        var id = (await harness.SendAsync(Compose(Family.HeatherProfile, from: FakeClinic.Medfar, site: FakeClinic.Virtual))).Value;
        (await harness.SendAsync(new StaffWriteAgain(id, "Crafted", Guid.NewGuid()))).Errors.Single().Key.ShouldBe(InboxErrors.UnknownSender);
        (await harness.SendAsync(new StaffWriteAgain(id, "Gone", FakeClinic.Nguyen))).Errors.Single().Key.ShouldBe(InboxErrors.UnknownSender);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await harness.SendAsync(new StaffWriteAgain(id, "From the front desk", null))).IsSuccess.ShouldBeTrue();
        var stored = await harness.QueryAsync(db => db.Communications.SingleAsync());
        (stored.FromPractitionerId, stored.FromPractitioner, stored.SiteId, stored.Site)
            .ShouldBe((FakeClinic.Medfar, "Dr Medfar Solutions", FakeClinic.Virtual, "Téléconsultation"));

        // A rename or a deactivation later changes nothing the patient was sent.
        harness.Clinic.Rename(FakeClinic.Medfar, "Dr. Medfar Solutions-Roy");
        harness.Clinic.Rename(FakeClinic.Virtual, "Virtual care");
        harness.Clinic.Deactivate(FakeClinic.Medfar);
        (await harness.SendAsync(new GetStaffThread(id))).Value.FromPractitionerId.ShouldBe(FakeClinic.Medfar);
        harness.SignedInAs(Family.HeatherAccount);
        var thread = (await harness.SendAsync(new GetThread(id))).Value;
        (thread.FromPractitioner, thread.Site).ShouldBe(("Dr Medfar Solutions", "Téléconsultation"));
        thread.Messages.Select(m => (m.Body, m.FromPractitioner)).ShouldBe([("From the front desk", (string?)null), ("Body", "Dr Medfar Solutions")]);
        (await harness.QueuedEmailsAsync()).Count.ShouldBe(2, "the communication and the message written again; nothing for the refused ones");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Only_staff_with_the_second_factor_use_the_clinic_side(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var id = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill);
        var attachment = (await harness.QueryAsync(db => db.Attachments.SingleAsync())).Id;
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");

        foreach (var (account, role, secondFactor) in new[] { (Family.HeatherAccount, Roles.Patient, true), (InboxHarness.Staff, Roles.Staff, false) })
        {
            harness.Current.SignedInAs(account, role, secondFactor);
            var results = new Result[]
            {
                await harness.SendAsync(Compose(Family.HeatherProfile)),
                await harness.SendAsync(new ListPatientReplies()),
                await harness.SendAsync(new ListProfileCommunications(Family.HeatherProfile)),
                await harness.SendAsync(new GetStaffThread(id)),
                await harness.SendAsync(new StaffWriteAgain(id, "Again", null)),
                await harness.SendAsync(new StaffOpenAttachment(id, attachment)),
                await harness.SendAsync(new DeleteCommunication(id)),
            };
            results.ShouldAllBe(r => r.Errors.Single() == Error.Forbidden);
        }

        (await harness.QueryAsync(db => db.Messages.CountAsync())).ShouldBe(1);
        harness.StoredFiles().Length.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_staff_inbox_shows_replies_unread_until_opened_and_writing_again_reaches_the_patient(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var id = await harness.ComposeAsync(Family.HeatherProfile, subject: "Registration Confirmation");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var quiet = await harness.ComposeAsync(Family.HeatherProfile, subject: "No reply");
        await harness.SendAsync(new GetThread(id));
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.SendAsync(new ReplyToCommunication(id, "<script>alert(1)</script> I am registered", true));

        harness.SignedInAsStaff();
        var unread = (await harness.SendAsync(new ListPatientReplies(UnreadOnly: true))).Value;
        var staffThread = (await harness.SendAsync(new GetStaffThread(id))).Value;
        var afterOpening = (await harness.SendAsync(new ListPatientReplies())).Value;
        var patientsOwn = (await harness.SendAsync(new ListProfileCommunications(Family.HeatherProfile))).Value;
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await harness.SendAsync(new StaffWriteAgain(id, "Thank you, see you in December.", FakeClinic.Medfar));

        (unread.Total, unread.UnreadTotal).ShouldBe((1, 1));
        unread.Rows.Single().ShouldBe(new PatientReplyRow(
            id, Family.HeatherProfile, "Milner, Heather", CommunicationCategory.Message, "Registration Confirmation",
            "<script>alert(1)</script> I am registered", InboxHarness.StartTime.AddMinutes(6), true, new ReplyWriter("Heather Milner", null)));
        (staffThread.PatientFirstName, staffThread.PatientLastName).ShouldBe(("Heather", "Milner"));
        staffThread.Thread.Messages[0].Body.ShouldBe("<script>alert(1)</script> I am registered"); // stored as typed; pages encode it
        (afterOpening.UnreadTotal, afterOpening.Rows.Single().Unread).ShouldBe((0, false));
        patientsOwn.Rows.Select(r => (r.Id, r.Unread)).ShouldBe([(quiet, true), (id, false)]);
        again.IsSuccess.ShouldBeTrue();
        harness.SignedInAs(Family.HeatherAccount);
        (await harness.SendAsync(new GetUnreadCounters(Family.HeatherProfile))).Value.Inbox.ShouldBe(2);
        var thread = (await harness.SendAsync(new GetThread(id))).Value;
        thread.Messages.Select(m => m.Author).ShouldBe([MessageAuthor.Clinic, MessageAuthor.Patient, MessageAuthor.Clinic]);
        thread.Reply.Allowed.ShouldBeFalse();
        harness.Access.Reads.Where(r => r.ByStaff).Select(r => r.What).ShouldBe(["communication", "communications"]);
    }
}
