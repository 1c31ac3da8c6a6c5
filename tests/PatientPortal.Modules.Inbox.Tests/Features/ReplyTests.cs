namespace PatientPortal.Modules.Inbox.Tests.Features;

/// <summary>Replying (security.md C19): the length as the user sees characters, the disclaimer, the allowance, one reply in a race, Sent.</summary>
public sealed class ReplyTests
{
    // "é" as e + combining acute (two code points, one character on screen), and a family emoji (seven code points).
    private const string Decomposed = "e\u0301";
    private const string FamilyEmoji = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "a")]
    [InlineData(DatabaseProvider.Sqlite, "é")]
    [InlineData(DatabaseProvider.Sqlite, Decomposed)]
    [InlineData(DatabaseProvider.Sqlite, FamilyEmoji)]
    [InlineData(DatabaseProvider.Postgres, Decomposed)]
    [InlineData(DatabaseProvider.Postgres, FamilyEmoji)]
    public async Task Five_hundred_characters_as_seen_are_accepted_and_501_refused(DatabaseProvider provider, string character)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var refused = await harness.ComposeAsync(Family.HeatherProfile);
        var accepted = await harness.ComposeAsync(Family.HeatherProfile);

        var tooLong = await harness.SendAsync(new ReplyToCommunication(refused, string.Concat(Enumerable.Repeat(character, 501)), true));
        var justRight = await harness.SendAsync(new ReplyToCommunication(accepted, string.Concat(Enumerable.Repeat(character, 500)), true));

        tooLong.Errors.Single().Key.ShouldBe(InboxErrors.ReplyTooLong);
        tooLong.Errors.Single().Arguments.ShouldBe(["500"]);
        justRight.Errors.ShouldBeEmpty();
        var kept = await harness.QueryAsync(db => db.Messages.SingleAsync(m => m.CommunicationId == accepted && m.Author == MessageAuthor.Patient));
        kept.Body.ShouldBe(string.Concat(Enumerable.Repeat(character, 500)));
        (await harness.QueryAsync(db => db.Messages.CountAsync(m => m.CommunicationId == refused))).ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_reply_needs_text_the_disclaimer_accepted_and_no_control_characters_and_line_breaks_are_kept(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var id = await harness.ComposeAsync(Family.HeatherProfile, repliesAllowed: 5);

        (await harness.SendAsync(new ReplyToCommunication(id, "  \r\n ", true))).Errors.Single().Key.ShouldBe(InboxErrors.ReplyRequired);
        (await harness.SendAsync(new ReplyToCommunication(id, "Hello", false))).Errors.Single().Key.ShouldBe(InboxErrors.DisclaimerNotAccepted);
        (await harness.SendAsync(new ReplyToCommunication(id, "Hello\u0000there", true))).Errors.Single().Key.ShouldBe(InboxErrors.InvalidCharacters);
        (await harness.SendAsync(new ReplyToCommunication(id, "Hello\u001bthere", true))).Errors.Single().Key.ShouldBe(InboxErrors.InvalidCharacters);
        // A right-to-left override makes "exe.pdf" read as "fdp.exe" (review M1); a letter under 40 accents is one
        // "character" of 41 units: 500 of them would weigh 40 KB, two million of them megabytes.
        (await harness.SendAsync(new ReplyToCommunication(id, "Invoice \u202Efdp.exe", true))).Errors.Single().Key.ShouldBe(InboxErrors.InvalidCharacters);
        (await harness.SendAsync(new ReplyToCommunication(id, "Zalgo a" + new string('\u0301', 40), true))).Errors.Single().Key.ShouldBe(InboxErrors.InvalidCharacters);
        var other = await harness.ComposeAsync(Family.HeatherProfile);
        (await harness.SendAsync(new ReplyToCommunication(other, "Cr\u00e8me br\u00fbl\u00e9e e\u0301\u0301 \U0001F469\U0001F3FD\u200D\U0001F469\U0001F3FD\u200D\U0001F467\U0001F3FD\u200D\U0001F466\U0001F3FD", true)))
            .Errors.ShouldBeEmpty("accents, a doubled accent and the longest emoji family are what people write");
        // A browser sends a textarea's line breaks as CR LF: 497 letters, one break and a tab and a letter are 500 characters, as the counter shows.
        var withBreak = new string('a', 249) + "\r\n" + new string('b', 248);
        (await harness.SendAsync(new ReplyToCommunication(id, withBreak + "\tc", true))).Errors.ShouldBeEmpty();

        var thread = (await harness.SendAsync(new GetThread(id))).Value;
        thread.Messages[0].Body.ShouldBe(new string('a', 249) + "\n" + new string('b', 248) + "\tc");
        thread.Messages[0].Author.ShouldBe(MessageAuthor.Patient);
        thread.Reply.ShouldBe(new ReplyState(true, 5, 4));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_single_reply_is_used_once_and_a_communication_that_allows_none_refuses_one(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var single = await harness.ComposeAsync(Family.HeatherProfile);
        var none = await harness.ComposeAsync(Family.HeatherProfile, repliesAllowed: 0);

        var before = (await harness.SendAsync(new GetThread(single))).Value.Reply;
        var first = await harness.SendAsync(new ReplyToCommunication(single, "Hi, I am registered on the december list. Thanks", true));
        var second = await harness.SendAsync(new ReplyToCommunication(single, "One more thing", true));
        var after = (await harness.SendAsync(new GetThread(single))).Value;
        var refused = await harness.SendAsync(new ReplyToCommunication(none, "Hello", true));

        before.ShouldBe(new ReplyState(true, 1, 1));
        first.IsSuccess.ShouldBeTrue();
        second.Errors.Single().Key.ShouldBe(InboxErrors.ReplyNotAllowed);
        after.Reply.ShouldBe(new ReplyState(false, 1, 0));
        after.Messages.Select(m => m.Author).ShouldBe([MessageAuthor.Patient, MessageAuthor.Clinic]);
        (await harness.SendAsync(new GetThread(none))).Value.Reply.ShouldBe(new ReplyState(false, 0, 0));
        refused.Errors.Single().Key.ShouldBe(InboxErrors.ReplyNotAllowed);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_reply_names_who_wrote_it_as_named_then_a_proxy_for_the_person_and_the_allowance_stays_the_profiles(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Access.Allow(Family.HeatherAccount, Family.NathanProfile, ProfileTabs.Messages);
        harness.Access.Allow(Family.OtherAccount, Family.NathanProfile, ProfileTabs.Messages); // Nathan's other parent
        var forNathan = await harness.ComposeAsync(Family.NathanProfile, subject: "For Nathan");
        var forHeather = await harness.ComposeAsync(Family.HeatherProfile, subject: "For Heather");

        (await harness.SendAsync(new ReplyToCommunication(forNathan, "Thanks, received", true))).Errors.ShouldBeEmpty();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await harness.SendAsync(new ReplyToCommunication(forHeather, "Thanks", true))).Errors.ShouldBeEmpty();
        // The single reply is the profile's, whoever of its accounts sends it (ADR 0017): the other parent has none left.
        harness.SignedInAs(Family.OtherAccount);
        (await harness.SendAsync(new ReplyToCommunication(forNathan, "Me too", true))).Errors.Single().Key.ShouldBe(InboxErrors.ReplyNotAllowed);
        // Renamed later: what was written keeps the names of its time (review L1).
        harness.Access.Name(Family.HeatherProfile, "Heather", "Milner-Roy");
        harness.Access.Name(Family.NathanProfile, "Nathan", "Roy");

        // The other parent reads that someone acted for Nathan, not who: the writer's name is theirs (review).
        var nathans = (await harness.SendAsync(new GetThread(forNathan))).Value;
        nathans.Messages.Select(m => m.WrittenBy).ShouldBe([new ReplyWriter(null, "Nathan Milner"), null], "the clinic's message has no writer");
        harness.SignedInAs(Family.HeatherAccount);
        (await harness.SendAsync(new GetThread(forNathan))).Value.Messages[0].WrittenBy.ShouldBe(new ReplyWriter("Heather Milner", "Nathan Milner"));
        (await harness.SendAsync(new GetThread(forHeather))).Value.Messages[0].WrittenBy.ShouldBe(new ReplyWriter("Heather Milner", null));
        harness.SignedInAsStaff();
        (await harness.SendAsync(new GetStaffThread(forNathan))).Value.Thread.Messages[0].WrittenBy.ShouldBe(new ReplyWriter("Heather Milner", "Nathan Milner"));
        (await harness.SendAsync(new ListPatientReplies())).Value.Rows.Select(r => (r.Subject, r.LastReplyBy)).ShouldBe(
            [("For Heather", new ReplyWriter("Heather Milner", null)), ("For Nathan", new ReplyWriter("Heather Milner", "Nathan Milner"))]);
        (await harness.QueryAsync(db => db.Messages.SingleAsync(m => m.CommunicationId == forNathan && m.ReplyNumber == 1))).AuthorAccountId.ShouldBe(Family.HeatherAccount);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Replies_sent_in_parallel_for_the_last_one_leave_exactly_one(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        for (var round = 0; round < 3; round++)
        {
            var id = await harness.ComposeAsync(Family.HeatherProfile);

            var results = await Task.WhenAll(Enumerable.Range(0, 8)
                .Select(i => Task.Run(() => harness.SendAsync(new ReplyToCommunication(id, $"Reply {i}", true)))));

            results.Count(r => r.IsSuccess).ShouldBe(1);
            results.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Single().Key == InboxErrors.ReplyNotAllowed);
            (await harness.QueryAsync(db => db.Messages.CountAsync(m => m.CommunicationId == id && m.Author == MessageAuthor.Patient))).ShouldBe(1);
            (await harness.QueryAsync(db => db.Communications.SingleAsync(c => c.Id == id))).ReplyCount.ShouldBe(1);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_reply_or_a_staff_message_racing_a_deletion_lands_before_it_or_finds_the_thread_gone(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider, replace: PerTaskAccount.Register);
        for (var round = 0; round < 4; round++)
        {
            var id = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill);

            var reply = Task.Run(() => harness.SendAsync(new ReplyToCommunication(id, "Thanks", true)));
            var delete = Task.Run(() => PerTaskAccount.AsStaff(harness, new DeleteCommunication(id)));
            var again = Task.Run(() => PerTaskAccount.AsStaff(harness, new StaffWriteAgain(id, "One more thing", null)));
            var results = await Task.WhenAll(reply, delete, again);

            results[1].IsSuccess.ShouldBeTrue();
            results[0].Errors.Select(e => e.Key).ShouldBeSubsetOf([InboxErrors.NotFound]);
            results[2].Errors.Select(e => e.Key).ShouldBeSubsetOf([InboxErrors.NotFound]);
            (await harness.QueryAsync(db => db.Messages.CountAsync(m => m.CommunicationId == id))).ShouldBe(0);
            harness.StoredFiles().ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_unique_reply_number_stands_behind_the_lock(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var id = await harness.ComposeAsync(Family.HeatherProfile, repliesAllowed: 2);
        await harness.SendAsync(new ReplyToCommunication(id, "First", true));

        var duplicate = await Should.ThrowAsync<DbUpdateException>(() => harness.QueryAsync(async db =>
        {
            db.Messages.Add(new Message(Guid.NewGuid(), id, MessageAuthor.Patient, null, "Sneaked in", Family.HeatherAccount, 1, harness.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));

        UniqueViolation.Is(duplicate).ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Sent_lists_the_threads_replied_to_latest_reply_first_with_the_reply_as_preview(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var older = await harness.ComposeAsync(Family.HeatherProfile, subject: "Older");
        var newer = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill, subject: "Receipt");
        await harness.ComposeAsync(Family.HeatherProfile, subject: "Not replied");
        var empty = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Sent))).Value;

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.SendAsync(new ReplyToCommunication(newer, "About the receipt", true));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.SendAsync(new ReplyToCommunication(older, "Hi,\nI am registered.", true));
        var sent = (await harness.SendAsync(new ListCommunications(Family.HeatherProfile, InboxFolder.Sent))).Value;
        var staffSide = await harness.QueryAsync(db => db.Communications.SingleAsync(c => c.Id == older));

        empty.Rows.ShouldBeEmpty();
        sent.Total.ShouldBe(2);
        sent.Rows.Select(r => (r.Id, r.Subject, r.Preview, r.DateUtc, r.Unread)).ShouldBe([
            (older, "Older", "Hi, I am registered.", InboxHarness.StartTime.AddHours(3), false),
            (newer, "Receipt", "About the receipt", InboxHarness.StartTime.AddHours(2), false),
        ]);
        (staffSide.UnreadByStaff, staffSide.LastReplyUtc).ShouldBe((true, InboxHarness.StartTime.AddHours(3)));
    }
}
