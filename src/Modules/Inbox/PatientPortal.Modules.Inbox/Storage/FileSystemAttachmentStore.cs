using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PatientPortal.Modules.Inbox.Storage;

/// <summary>
/// Attachments as files in a folder outside the web root (<see cref="InboxOptions.AttachmentsFolder"/>, by default
/// "inbox-attachments" in the data folder), two levels by the key's first two digits. A key is checked to be one of the
/// server's (32 lower-case hex digits) before it becomes a path, and the path is checked to stay inside the folder.
/// Files are written to a temporary name and moved into place, so a crash never leaves half a file under a real key.
/// </summary>
internal sealed class FileSystemAttachmentStore : IAttachmentStore
{
    private readonly string _root;

    public FileSystemAttachmentStore(IOptions<InboxOptions> options, IConfiguration configuration)
    {
        var configured = options.Value.AttachmentsFolder;
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(configuration["Database:DataFolder"] ?? "App_Data", "inbox-attachments")
            : configured);
    }

    public string Root => _root;

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        // Patients' documents: readable by the portal's own user only (review L10), whatever the process's umask.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var file = new FileStream(temporary, options))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path); // no error when the file is already gone
        }
        catch (DirectoryNotFoundException)
        {
            // nor when its folder never existed (an upload that failed before writing it)
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (!IAttachmentStore.IsKey(key))
        {
            throw new ArgumentException("Not an attachment key.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine(_root, key[..2], key));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException("Not an attachment key.", nameof(key));
    }
}
