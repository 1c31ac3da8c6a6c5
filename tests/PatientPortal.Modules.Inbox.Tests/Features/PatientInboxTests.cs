namespace PatientPortal.Modules.Inbox.Tests.Features;

/// <summary>The patient's tabs and threads: the lists, the counters, read state, pagination, permissions per tab, foreign ids.</summary>
public sealed class PatientInboxTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_tab_lists_its_communications_newest_first_and_opening_one_marks_it_read_and_drops_the_counters(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var message = await harness.ComposeAsync(Family.HeatherProfile, subject: "Registration Confirmation");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var document = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Document, subject: "Dermatology form", fromPractitioner: FakeClinic.Medfar);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var bill = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill, subject: "Consultation Receipt");

        var counters = (await harness.SendAsync(new GetUnreadCounters(Family.HeatherProfile))).Value;
        var inbox = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox))).Value;
        var documents = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Documents))).Value;
        var bills = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Bills))).Value;
        var thread = (await harness.SendAsync(new GetThread(document))).Value;
        var after = (await harness.SendAsync(new GetUnreadCounters(Family.HeatherProfile))).Value;
        var inboxAfter = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox))).Value;

        counters.ShouldBe(new UnreadCounters(3, 1, 1));
        inbox.Rows.Select(r => r.Id).ShouldBe([bill, document, message]);
        inbox.Total.ShouldBe(3);
        inbox.Rows.ShouldAllBe(r => r.Unread);
        var row = inbox.Rows[1];
        (row.FromPractitioner, row.Site, row.TypeLabel, row.Subject, row.HasAttachments, row.DateUtc)
            .ShouldBe(("Dr Medfar Solutions", "My Clinic", "Dermatology", "Dermatology form", true, InboxHarness.StartTime.AddMinutes(1)));
        inbox.Rows[2].Preview.ShouldBe("Hi Heather, Please confirm with us.");
        documents.Rows.Select(r => r.Id).ShouldBe([document]);
        bills.Rows.Select(r => r.Id).ShouldBe([bill]);
        (thread.ProfileId, thread.Category, thread.Subject, thread.Attachments.Single().FileName).ShouldBe((Family.HeatherProfile, CommunicationCategory.Document, "Dermatology form", "receipt.pdf"));
        after.ShouldBe(new UnreadCounters(2, 0, 1));
        inboxAfter.Rows.Single(r => r.Id == document).Unread.ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Read_state_is_the_profiles_and_a_clinic_message_in_the_thread_makes_it_unread_again_newest_first(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Access.Allow(Family.OtherAccount, Family.HeatherProfile, ProfileTabs.Messages); // a caregiver of Heather's
        var id = await harness.ComposeAsync(Family.HeatherProfile, body: "First");
        await harness.SendAsync(new GetThread(id));
        harness.SignedInAs(Family.OtherAccount);
        var forCaregiver = (await harness.SendAsync(new GetUnreadCounters(Family.HeatherProfile))).Value;

        harness.Clock.Advance(TimeSpan.FromHours(1));
        harness.SignedInAsStaff();
        (await harness.SendAsync(new StaffWriteAgain(id, "Second", FakeClinic.Medfar))).IsSuccess.ShouldBeTrue();
        harness.SignedInAs(Family.HeatherAccount);
        var again = (await harness.SendAsync(new GetUnreadCounters(Family.HeatherProfile))).Value;
        var row = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox))).Value.Rows.Single();
        var thread = (await harness.SendAsync(new GetThread(id))).Value;

        forCaregiver.Inbox.ShouldBe(0);
        again.Inbox.ShouldBe(1);
        (row.Preview, row.DateUtc, row.Unread).ShouldBe(("Second", InboxHarness.StartTime.AddHours(1), true));
        thread.Messages.Select(m => (m.Body, m.FromPractitioner)).ShouldBe([("Second", "Dr Medfar Solutions"), ("First", (string?)null)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Long_tabs_are_paginated_with_the_total_and_a_page_past_the_end_is_empty(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < ListCommunications.PageSize * 2 + 5; i++)
        {
            ids.Add(await harness.ComposeAsync(Family.HeatherProfile, subject: $"Message {i}"));
            harness.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox, 1))).Value;
        var third = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox, 3))).Value;
        var beyond = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox, 9))).Value;
        var zero = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox, 0))).Value;

        (first.Total, first.PageCount, first.Rows.Count).ShouldBe((45, 3, 20));
        first.Rows[0].Id.ShouldBe(ids[^1]);
        third.Rows.Select(r => r.Id).ShouldBe(Enumerable.Reverse(ids).Skip(40));
        beyond.Rows.ShouldBeEmpty();
        (zero.Page, zero.Rows[0].Id).ShouldBe((1, ids[^1]));
        // (page - 1) x 20 would overflow into a negative offset, which PostgreSQL refuses (review L8).
        var huge = await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Inbox, int.MaxValue));
        (huge.Value.Page, huge.Value.Rows.Count).ShouldBe((100_000, 0));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_tab_needs_its_own_permission_and_the_inbox_shows_only_the_categories_the_proxy_may_open(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var message = await harness.ComposeAsync(Family.NathanProfile);
        var document = await harness.ComposeAsync(Family.NathanProfile, CommunicationCategory.Document);
        var bill = await harness.ComposeAsync(Family.NathanProfile, CommunicationCategory.Bill);
        var billAttachment = (await harness.QueryAsync(db => db.Attachments.SingleAsync(a => a.CommunicationId == bill))).Id;
        var documentAttachment = (await harness.QueryAsync(db => db.Attachments.SingleAsync(a => a.CommunicationId == document))).Id;

        harness.Access.Allow(Family.HeatherAccount, Family.NathanProfile, ProfileTabs.Messages | ProfileTabs.Bills);
        var inbox = (await harness.SendAsync(new ListCommunications(Family.NathanProfile, InboxFolder.Inbox))).Value;
        var counters = (await harness.SendAsync(new GetUnreadCounters(Family.NathanProfile))).Value;
        var documents = await harness.SendAsync(new ListCommunications(Family.NathanProfile, InboxFolder.Documents));
        var documentThread = await harness.SendAsync(new GetThread(document));
        var documentFile = await harness.SendAsync(new OpenAttachment(document, documentAttachment));
        var billFile = await harness.SendAsync(new OpenAttachment(bill, billAttachment));
        await billFile.Value.Content.DisposeAsync();

        harness.Access.Allow(Family.HeatherAccount, Family.NathanProfile, ProfileTabs.Bills);
        var billsOnlyInbox = await harness.SendAsync(new ListCommunications(Family.NathanProfile, InboxFolder.Inbox));
        var billsOnlySent = await harness.SendAsync(new ListCommunications(Family.NathanProfile, InboxFolder.Sent));
        var billsOnlyCounters = (await harness.SendAsync(new GetUnreadCounters(Family.NathanProfile))).Value;
        var messageThread = await harness.SendAsync(new GetThread(message));

        inbox.Rows.Select(r => r.Id).ShouldBe([bill, message], ignoreOrder: true);
        counters.ShouldBe(new UnreadCounters(2, 0, 1));
        documents.Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        documentThread.Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        documentFile.Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        billFile.IsSuccess.ShouldBeTrue();
        billsOnlyInbox.Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        billsOnlySent.Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        billsOnlyCounters.ShouldBe(new UnreadCounters(1, 0, 1));
        messageThread.Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        (await harness.QueryAsync(db => db.Communications.SingleAsync(c => c.Id == document))).UnreadByPatient.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_parent_loses_every_tab_on_the_next_request_once_Profiles_says_no_at_the_age_of_consent(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Access.Allow(Family.HeatherAccount, Family.NathanProfile);
        var bill = await harness.ComposeAsync(Family.NathanProfile, CommunicationCategory.Bill);
        var attachment = (await harness.QueryAsync(db => db.Attachments.SingleAsync(a => a.CommunicationId == bill))).Id;
        var before = await harness.SendAsync(new GetThread(bill));

        harness.Access.Revoke(Family.HeatherAccount, Family.NathanProfile); // Profiles' MayActFor answers no from the 14th birthday
        var thread = await harness.SendAsync(new GetThread(bill));
        var file = await harness.SendAsync(new OpenAttachment(bill, attachment));
        var counters = await harness.SendAsync(new GetUnreadCounters(Family.NathanProfile));
        var reply = await harness.SendAsync(new ReplyToCommunication(bill, "Thanks", true));

        before.IsSuccess.ShouldBeTrue();
        foreach (var refused in new Result[] { thread, file, counters, reply })
        {
            refused.Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        }

        (await harness.QueryAsync(db => db.Messages.CountAsync(m => m.CommunicationId == bill))).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_familys_ids_are_not_found_change_nothing_and_the_refusals_are_on_the_trail(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var theirs = await harness.ComposeAsync(Family.OtherProfile, CommunicationCategory.Document);
        var theirAttachment = (await harness.QueryAsync(db => db.Attachments.SingleAsync(a => a.CommunicationId == theirs))).Id;
        var mine = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Document);

        var results = new Result[]
        {
            await harness.SendAsync(new GetThread(theirs)),
            await harness.SendAsync(new ReplyToCommunication(theirs, "Hello", true)),
            await harness.SendAsync(new OpenAttachment(theirs, theirAttachment)),
            await harness.SendAsync(new OpenAttachment(mine, theirAttachment)), // my communication, their file
            await harness.SendAsync(new ListCommunications(Family.OtherProfile, InboxFolder.Inbox)),
            await harness.SendAsync(new GetUnreadCounters(Family.OtherProfile)),
            await harness.SendAsync(new GetThread(Guid.NewGuid())),
        };

        results.ShouldAllBe(r => r.IsFailure && r.Errors.Single().Key == InboxErrors.NotFound);
        var stored = await harness.QueryAsync(db => db.Communications.SingleAsync(c => c.Id == theirs));
        (stored.UnreadByPatient, stored.ReplyCount).ShouldBe((true, 0));
        harness.Access.Reads.Where(r => !r.Allowed).Select(r => (r.ReaderAccountId, r.ProfileId, r.What)).ShouldBe([
            (Family.HeatherAccount, Family.OtherProfile, "communication"),
            (Family.HeatherAccount, Family.OtherProfile, "communication"),
            (Family.HeatherAccount, Family.OtherProfile, "attachment"),
            (Family.HeatherAccount, Family.OtherProfile, "communications"),
        ]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_list_thread_and_download_is_on_the_trail_by_name_only(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var bill = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill);
        var attachment = (await harness.QueryAsync(db => db.Attachments.SingleAsync(a => a.CommunicationId == bill))).Id;
        harness.Access.Reads.Clear();

        await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Bills));
        await harness.SendAsync(new GetThread(bill));
        var file = (await harness.SendAsync(new OpenAttachment(bill, attachment))).Value;
        await file.Content.DisposeAsync();

        harness.Access.Reads.ShouldBe([
            new RecordProfileRead(Family.HeatherAccount, Family.HeatherProfile, "communications", true),
            new RecordProfileRead(Family.HeatherAccount, Family.HeatherProfile, "communication", true) { ObjectId = bill },
            new RecordProfileRead(Family.HeatherAccount, Family.HeatherProfile, "attachment", true) { ObjectId = attachment },
        ]);
    }
}
