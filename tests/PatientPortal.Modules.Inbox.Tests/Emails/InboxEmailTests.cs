namespace PatientPortal.Modules.Inbox.Tests.Emails;

/// <summary>The email of a new communication (security.md F30): in each recipient's language, a link to the page, no health detail.</summary>
public sealed class InboxEmailTests
{
    private static readonly Guid Proxy = Guid.Parse("a0000000-0000-0000-0000-000000000002");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_recipient_gets_the_link_in_their_language_and_nothing_of_the_subject_body_type_or_file(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Recipients.Add(Family.HeatherProfile, Family.HeatherAccount, "heather@example.test", "en-CA");
        harness.Recipients.Add(Family.HeatherProfile, Proxy, "proche@example.test", "fr-CA");

        var bill = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill, subject: "Dermatology biopsy results",
            body: "Your biopsy shows melanoma.", attachments: [Pdfs.Upload("biopsy-melanoma.pdf")]);
        var emails = await harness.QueuedEmailsAsync();

        harness.Recipients.Asked.Single().ShouldBe(new ListNotificationRecipients(Family.HeatherProfile, ProfileTabs.Bills, NotificationKind.NewCommunications));
        emails.Select(e => e.To).ShouldBe(["heather@example.test", "proche@example.test"]);
        var english = emails[0];
        var french = emails[1];
        english.Culture.ShouldBe("en-CA");
        english.TextBody.ShouldContain($"View the Invoice: https://portal.test/inbox/{bill:D}");
        french.Culture.ShouldBe("fr-CA");
        french.TextBody.ShouldContain($"Consulter la facture: https://portal.test/inbox/{bill:D}");
        foreach (var email in emails)
        {
            foreach (var secret in new[] { "biopsy", "melanoma", "Dermatology", "Consultation receipt", ".pdf" })
            {
                email.Subject.ShouldNotContain(secret, Case.Insensitive);
                email.TextBody.ShouldNotContain(secret, Case.Insensitive);
                email.HtmlBody.ShouldNotContain(secret, Case.Insensitive);
            }

            email.AttachmentName.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, CommunicationCategory.Message, ProfileTabs.Messages, "View the Message")]
    [InlineData(DatabaseProvider.Sqlite, CommunicationCategory.Document, ProfileTabs.Documents, "View the Document")]
    [InlineData(DatabaseProvider.Postgres, CommunicationCategory.Message, ProfileTabs.Messages, "View the Message")]
    public async Task The_tab_asked_about_and_the_link_match_the_category_and_writing_again_tells_them_again(
        DatabaseProvider provider, CommunicationCategory category, ProfileTabs tab, string link)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Recipients.Add(Family.HeatherProfile, Family.HeatherAccount, "heather@example.test", "en-CA", tab);
        harness.Recipients.Add(Family.HeatherProfile, Proxy, "other-tab@example.test", "en-CA", ProfileTabs.Appointments);

        var id = await harness.ComposeAsync(Family.HeatherProfile, category);
        harness.SignedInAsStaff();
        (await harness.SendAsync(new StaffWriteAgain(id, "One more thing", null))).IsSuccess.ShouldBeTrue();
        var emails = await harness.QueuedEmailsAsync();

        emails.Count.ShouldBe(2);
        emails.ShouldAllBe(e => e.To == "heather@example.test" && e.TextBody.Contains(link));
        harness.Recipients.Asked.ShouldAllBe(a => a.Tab == tab && a.Kind == NotificationKind.NewCommunications);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Nobody_is_emailed_when_the_preference_for_new_communications_is_off(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        harness.Recipients.Add(Family.HeatherProfile, Family.HeatherAccount, "heather@example.test");
        harness.Recipients.TurnOff(Family.HeatherProfile, NotificationKind.NewCommunications);

        await harness.ComposeAsync(Family.HeatherProfile);

        (await harness.QueuedEmailsAsync()).ShouldBeEmpty();
    }
}
