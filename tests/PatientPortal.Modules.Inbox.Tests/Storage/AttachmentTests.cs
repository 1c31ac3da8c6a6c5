using PatientPortal.Modules.Inbox.Jobs;
using PatientPortal.Modules.Inbox.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace PatientPortal.Modules.Inbox.Tests.Storage;

/// <summary>Attachments (security.md C20): real PDFs only, within the limit, stored under the server's names, served by both ids, deleted with their communication.</summary>
public sealed class AttachmentTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_real_pdf_is_stored_under_a_server_made_name_outside_the_upload_name_and_read_back_whole(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var content = Pdfs.Real("Invoice 42");
        var id = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill, attachments: [Pdfs.Upload("..\\../etc/pass wd<script>.PDF", content)]);
        var row = await harness.QueryAsync(db => db.Attachments.SingleAsync());

        var opened = (await harness.SendAsync(new OpenAttachment(id, row.Id))).Value;
        using var copy = new MemoryStream();
        await using (opened.Content)
        {
            await opened.Content.CopyToAsync(copy);
        }

        (opened.FileName, opened.ContentType, opened.Length).ShouldBe(("pass wd_script_.pdf", "application/pdf", content.LongLength));
        copy.ToArray().ShouldBe(content);
        row.StorageKey.ShouldMatch("^[0-9a-f]{32}$");
        var file = harness.StoredFiles().Single();
        Path.GetFileName(file).ShouldBe(row.StorageKey);
        file.ShouldStartWith(harness.AttachmentsFolder);
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the portal's own user only, whatever the umask (review L10).
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(Path.GetDirectoryName(file)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        (await harness.QueryAsync(db => db.FileCleanups.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Files_that_only_look_like_pdfs_are_refused(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var headerOnly = "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray();
        var truncated = Pdfs.Real()[..200];
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");
        harness.SignedInAsStaff();

        // A real PDF, plus a stream that decodes twice over (each filter of a chain multiplies a bomb's expansion; review M2).
        var chained = Pdfs.Real().Concat("\n99 0 obj << /Length 0 /Filter [/FlateDecode /FlateDecode] >>\nstream\n\nendstream\nendobj\n"u8.ToArray()).ToArray();
        (await harness.SendAsync(new ComposeCommunication(
            Family.HeatherProfile, CommunicationCategory.Document, "Form", "Body", null, FakeClinic.MyClinic, "Form", [Pdfs.Upload("form.pdf", Pdfs.Real())])))
            .Errors.ShouldBeEmpty("the same PDF without the chained stream is kept");
        harness.StoredFiles().Length.ShouldBe(1);

        foreach (var fake in new[] { html, headerOnly, truncated, png, chained, [] })
        {
            var result = await harness.SendAsync(new ComposeCommunication(
                Family.HeatherProfile, CommunicationCategory.Document, "Form", "Body", null, FakeClinic.MyClinic, "Form", [Pdfs.Upload("form.pdf", fake)]));
            result.Errors.Single().Key.ShouldBe(InboxErrors.AttachmentNotPdf);
            result.Errors.Single().Arguments.ShouldBe(["form.pdf"]);
        }

        harness.StoredFiles().Length.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_file_over_the_configured_limit_is_refused_and_one_at_the_limit_kept(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider, new Dictionary<string, string?> { ["Inbox:MaxAttachmentMegabytes"] = "1" });
        var limit = 1024 * 1024;
        var atLimit = Padded(Pdfs.Real(), limit);
        var over = Padded(Pdfs.Real(), limit + 1);
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");
        harness.SignedInAsStaff();

        var refused = await harness.SendAsync(new ComposeCommunication(
            Family.HeatherProfile, CommunicationCategory.Bill, "Receipt", "Body", null, FakeClinic.MyClinic, "Receipt", [Pdfs.Upload("big.pdf", over)]));
        var kept = await harness.SendAsync(new ComposeCommunication(
            Family.HeatherProfile, CommunicationCategory.Bill, "Receipt", "Body", null, FakeClinic.MyClinic, "Receipt", [Pdfs.Upload("fits.pdf", atLimit)]));

        refused.Errors.Single().Key.ShouldBe(InboxErrors.AttachmentTooLarge);
        refused.Errors.Single().Arguments.ShouldBe(["big.pdf", "1"]);
        kept.IsSuccess.ShouldBeTrue();
        (await harness.QueryAsync(db => db.Attachments.SingleAsync())).Length.ShouldBe(limit);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Deleting_a_communication_removes_its_rows_and_its_files_and_a_second_delete_changes_nothing(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var id = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Document, attachments: [Pdfs.Upload("a.pdf"), Pdfs.Upload("b.pdf")]);
        var kept = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Document);
        await harness.SendAsync(new ReplyToCommunication(id, "Thanks", true));
        var attachment = (await harness.QueryAsync(db => db.Attachments.FirstAsync(a => a.CommunicationId == id))).Id;
        harness.StoredFiles().Length.ShouldBe(3);

        harness.SignedInAsStaff();
        var deleted = await harness.SendAsync(new DeleteCommunication(id));
        var again = await harness.SendAsync(new DeleteCommunication(id));
        harness.SignedInAs(Family.HeatherAccount);

        deleted.IsSuccess.ShouldBeTrue();
        again.IsSuccess.ShouldBeTrue();
        (await harness.QueryAsync(db => db.Messages.CountAsync(m => m.CommunicationId == id))).ShouldBe(0);
        (await harness.QueryAsync(db => db.Attachments.Select(a => a.CommunicationId).ToListAsync())).ShouldBe([kept]);
        (await harness.QueryAsync(db => db.FileCleanups.CountAsync())).ShouldBe(0);
        harness.StoredFiles().Length.ShouldBe(1);
        // The deletion leaves its trace (review M3): what, whose, by whom, when; once, though asked twice.
        (await harness.QueryAsync(db => db.Deletions.Select(d => new { d.CommunicationId, d.ProfileId, d.Category, d.Attachments, d.DeletedBy }).ToListAsync()))
            .ShouldBe([new { CommunicationId = id, ProfileId = Family.HeatherProfile, Category = CommunicationCategory.Document, Attachments = 2, DeletedBy = InboxHarness.Staff }]);
        (await harness.SendAsync(new OpenAttachment(id, attachment))).Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
        (await harness.SendAsync(new GetThread(id))).Errors.Single().Key.ShouldBe(InboxErrors.NotFound);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_cleanup_job_deletes_the_files_a_crash_left_and_never_one_an_attachment_keeps(DatabaseProvider provider)
    {
        await using var harness = await Family.HarnessAsync(provider);
        var id = await harness.ComposeAsync(Family.HeatherProfile, CommunicationCategory.Bill);
        var keptKey = (await harness.QueryAsync(db => db.Attachments.SingleAsync())).StorageKey;
        // An upload that crashed before its commit: reserved and written, no row. A deletion that crashed after its commit: noted, file still there.
        var uploaded = IAttachmentStore.NewKey();
        var deleted = IAttachmentStore.NewKey();
        var neverWritten = "ff" + IAttachmentStore.NewKey()[2..]; // reserved, then the process died before writing it
        await harness.Store.SaveAsync(uploaded, Pdfs.Real(), default);
        await harness.Store.SaveAsync(deleted, Pdfs.Real(), default);
        var now = harness.Clock.GetUtcNow();
        await harness.QueryAsync(async db =>
        {
            db.FileCleanups.AddRange(
                new FileCleanup(uploaded, now + AttachmentFiles.UploadGrace),
                new FileCleanup(deleted, now),
                new FileCleanup(neverWritten, now),
                new FileCleanup(keptKey, now));
            return await db.SaveChangesAsync();
        });

        async Task RunJobAsync()
        {
            using var scope = harness.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AttachmentFiles>().WorkOffAsync(FileCleanupJob.BatchSize, default);
        }

        await RunJobAsync();
        var afterFirst = harness.StoredFiles().Select(Path.GetFileName).ToList();
        harness.Clock.Advance(AttachmentFiles.UploadGrace);
        await RunJobAsync();

        afterFirst.ShouldBe([keptKey, uploaded], ignoreOrder: true);
        harness.StoredFiles().Select(Path.GetFileName).ShouldBe([keptKey]);
        (await harness.QueryAsync(db => db.FileCleanups.CountAsync())).ShouldBe(0);
        var file = (await harness.SendAsync(new OpenAttachment(id, (await harness.QueryAsync(db => db.Attachments.SingleAsync())).Id))).Value;
        await file.Content.DisposeAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_store_failing_half_way_through_an_upload_keeps_no_file_and_no_communication(DatabaseProvider provider)
    {
        await using var harness = await InboxHarness.CreateAsync(provider, replace: services => services
            .AddSingleton<IAttachmentStore>(sp => new FailingSecondSave(ActivatorUtilities.CreateInstance<FileSystemAttachmentStore>(sp))));
        harness.Patients.Add(Family.HeatherProfile, "Heather", "Milner");
        harness.SignedInAsStaff();

        await Should.ThrowAsync<IOException>(() => harness.SendAsync(new ComposeCommunication(
            Family.HeatherProfile, CommunicationCategory.Document, "Forms", "Body", null, FakeClinic.MyClinic, "Forms", [Pdfs.Upload("a.pdf"), Pdfs.Upload("b.pdf")])));

        (await harness.QueryAsync(db => db.Communications.CountAsync())).ShouldBe(0);
        (await harness.QueryAsync(db => db.Attachments.CountAsync())).ShouldBe(0);
        harness.StoredFiles().ShouldBeEmpty();
        // The upload cleaned up after itself at once (files and reservations), so the job has nothing left to do.
        (await harness.QueryAsync(db => db.FileCleanups.CountAsync())).ShouldBe(0);
        harness.Clock.Advance(AttachmentFiles.UploadGrace);
        using var scope = harness.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AttachmentFiles>().WorkOffAsync(FileCleanupJob.BatchSize, default)).ShouldBe(0);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde/")]
    [InlineData("")]
    public async Task The_store_takes_only_its_own_keys_never_a_path(string key)
    {
        await using var harness = await Family.HarnessAsync(DatabaseProvider.Sqlite);

        await Should.ThrowAsync<ArgumentException>(() => harness.Store.OpenAsync(key, default));
        await Should.ThrowAsync<ArgumentException>(() => harness.Store.DeleteAsync(key, default));
        await Should.ThrowAsync<ArgumentException>(() => harness.Store.SaveAsync(key, new byte[] { 1 }, default));
    }

    [Theory]
    [InlineData("receipt.pdf", "receipt.pdf")]
    [InlineData("Reçu de consultation.PDF", "Reçu de consultation.pdf")]
    [InlineData("../../../etc/passwd", "passwd.pdf")]
    [InlineData("C:\\Users\\x\\bill.pdf", "bill.pdf")]
    [InlineData("a\r\nContent-Type: text/html\";.pdf", "html__.pdf")]
    [InlineData("a\r\nContent-Type: text\";.pdf", "a__Content-Type_ text__.pdf")]
    [InlineData("...pdf", "document.pdf")]
    [InlineData("", "document.pdf")]
    [InlineData("  .hidden.pdf", "hidden.pdf")]
    public void The_shown_name_is_cleaned_to_a_safe_pdf_name(string uploaded, string shown) =>
        SafeFileName.From(uploaded).ShouldBe(shown);

    // A real PDF followed by a comment line of padding (PDF readers ignore what follows %%EOF), to an exact size.
    private static byte[] Padded(byte[] pdf, int size)
    {
        var padded = new byte[size];
        pdf.CopyTo(padded, 0);
        padded.AsSpan(pdf.Length).Fill((byte)' ');
        padded[pdf.Length] = (byte)'\n';
        padded[pdf.Length + 1] = (byte)'%';
        return padded;
    }

    /// <summary>The filesystem store, except that the second file of a run fails as a full disk would.</summary>
    private sealed class FailingSecondSave(IAttachmentStore inner) : IAttachmentStore
    {
        private int _saves;

        public Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _saves) == 2 ? throw new IOException("No space left on device") : inner.SaveAsync(key, content, cancellationToken);

        public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken) => inner.OpenAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }
}
