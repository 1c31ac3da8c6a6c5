using System.Globalization;
using Microsoft.Extensions.Options;

namespace PatientPortal.Modules.Inbox.Storage;

/// <summary>An upload that passed the checks: its shown name and its bytes.</summary>
internal sealed record CheckedUpload(string FileName, ReadOnlyMemory<byte> Content);

/// <summary>
/// Reads staff's uploads, each at most the configured size (reading stops one byte past it), and keeps only real
/// PDFs (<see cref="PdfCheck"/>). All are checked before any is stored, so a refused request keeps nothing.
/// </summary>
internal sealed class AttachmentUploads(IOptions<InboxOptions> options)
{
    public async Task<Result<IReadOnlyList<CheckedUpload>>> CheckAsync(IReadOnlyList<AttachmentUpload> uploads, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxAttachmentBytes;
        var checkedUploads = new List<CheckedUpload>();
        foreach (var upload in uploads)
        {
            var name = SafeFileName.From(upload.FileName);
            var content = await ReadAtMostAsync(upload.Content, limit + 1, cancellationToken);
            if (content.Length > limit)
            {
                return new Error(InboxErrors.AttachmentTooLarge, nameof(ComposeCommunication.Attachments))
                {
                    Arguments = [name, options.Value.MaxAttachmentMegabytes.ToString(CultureInfo.InvariantCulture)],
                };
            }

            if (!await PdfCheck.IsPdfAsync(content, cancellationToken))
            {
                return new Error(InboxErrors.AttachmentNotPdf, nameof(ComposeCommunication.Attachments)) { Arguments = [name] };
            }

            checkedUploads.Add(new CheckedUpload(name, content));
        }

        return checkedUploads;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAtMostAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < max)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }
}
