using Microsoft.Extensions.Logging;

namespace PatientPortal.Modules.Inbox.Storage;

/// <summary>
/// Keeps the store and the rows in step (ADR 0017). A file is written only after a <see cref="FileCleanup"/> row for
/// its key is saved (due in <see cref="UploadGrace"/>), and that row is removed in the same save as the attachment
/// row that keeps the file; a deletion saves a row due at once in the same save that removes the attachment rows, and
/// deletes the files after the commit. Whatever a crash interrupts, a row says which file to delete, and
/// <see cref="Jobs.FileCleanupJob"/> deletes it (never one an attachment row still names).
/// </summary>
internal sealed class AttachmentFiles(InboxDbContext db, IAttachmentStore store, TimeProvider clock, ILogger<AttachmentFiles> logger)
{
    /// <summary>How long an upload may take between its files' writing and its commit before the files count as left over.</summary>
    public static readonly TimeSpan UploadGrace = TimeSpan.FromHours(1);

    /// <summary>Saves the reservation of new keys, then writes the files under them. On a failure, deletes what it wrote.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<CheckedUpload> uploads, CancellationToken cancellationToken)
    {
        if (uploads.Count == 0)
        {
            return [];
        }

        var keys = uploads.Select(_ => IAttachmentStore.NewKey()).ToList();
        var due = clock.GetUtcNow() + UploadGrace;
        db.FileCleanups.AddRange(keys.Select(k => new FileCleanup(k, due)));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        try
        {
            for (var i = 0; i < keys.Count; i++)
            {
                await store.SaveAsync(keys[i], uploads[i].Content, cancellationToken);
            }
        }
        catch
        {
            await DeleteQuietlyAsync(keys, CancellationToken.None);
            throw;
        }

        return keys;
    }

    /// <summary>For the save that commits the attachment rows: the reservations of their keys go in it.</summary>
    public void Keep(IEnumerable<string> keys) =>
        db.FileCleanups.RemoveRange(keys.Select(k => new FileCleanup(k, default)));

    /// <summary>For the save that removes attachment rows: their files are due for deletion at once.</summary>
    public void Forget(IEnumerable<string> keys) =>
        db.FileCleanups.AddRange(keys.Select(k => new FileCleanup(k, clock.GetUtcNow())));

    /// <summary>After that save's commit: the files go, then their rows. A failure is left to the job.</summary>
    public async Task DeleteQuietlyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var key in keys)
            {
                await store.DeleteAsync(key, cancellationToken);
            }

            await db.FileCleanups.Where(f => keys.Contains(f.StorageKey)).ExecuteDeleteAsync(cancellationToken);
        }
#pragma warning disable CA1031 // the cleanup rows stay; the job deletes these files later
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Deleting {Count} attachment files failed; the cleanup job will retry.", keys.Count);
        }
    }

    /// <summary>One run of the job: the due rows, oldest first; a key an attachment still names keeps its file. Returns the rows worked off.</summary>
    public async Task<int> WorkOffAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.FileCleanups.AsNoTracking().Where(f => f.DueUtc <= now).OrderBy(f => f.DueUtc).Select(f => f.StorageKey).Take(batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var kept = await db.Attachments.AsNoTracking().Where(a => due.Contains(a.StorageKey)).Select(a => a.StorageKey).ToListAsync(cancellationToken);
        var done = new List<string>(kept);
        foreach (var key in due.Except(kept))
        {
            try
            {
                await store.DeleteAsync(key, cancellationToken);
                done.Add(key);
            }
#pragma warning disable CA1031 // one file that cannot be deleted now must not hold up the others; its row stays for the next run
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "An attachment file could not be deleted; the next run will try again.");
            }
        }

        await db.FileCleanups.Where(f => done.Contains(f.StorageKey) && f.DueUtc <= now).ExecuteDeleteAsync(cancellationToken);
        return done.Count;
    }
}
