namespace PatientPortal.Modules.Inbox.Storage;

/// <summary>
/// Where attachments' bytes are kept, by a key the server makes (<see cref="NewKey"/>: 32 hex digits); nothing a
/// user sends is ever a key or a path. The filesystem by default (<see cref="FileSystemAttachmentStore"/>); another
/// store (object storage, say) implements these three operations. Files are only ever reached through an attachment
/// row that the authorizing slices found first.
/// </summary>
internal interface IAttachmentStore
{
    /// <summary>Writes the file under <paramref name="key"/> (never overwrites one that exists).</summary>
    Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The file to read, or null when there is none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a file already gone is fine.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    static string NewKey() => Guid.NewGuid().ToString("N");

    static bool IsKey(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower);
}
