using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace PatientPortal.BuildingBlocks.Email;

public interface IEmailSender
{
    Task SendAsync(QueuedEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// Builds each mail with MimeKit and sends it with MailKit, or writes it as an .eml file to the pickup folder
/// (Development). Text and HTML go as multipart/alternative; the Message-ID is the queue id, so a receiving system
/// can drop a copy re-sent after a crash.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(QueuedEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = Build(email, settings, clock.GetUtcNow());
        if (settings.Smtp.Host is { Length: > 0 } host && !string.IsNullOrWhiteSpace(host))
        {
            await SendOverSmtpAsync(message, host, settings.Smtp, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            await WriteToPickupAsync(message, email.Id, settings.PickupDirectory, cancellationToken);
        }
        else
        {
            throw new InvalidOperationException("Email is not configured: set Email:Smtp:Host (or Email:PickupDirectory in Development).");
        }
    }

    private static MimeMessage Build(QueuedEmail email, EmailOptions settings, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            MessageId = $"{email.Id:N}@patientportal",
            Subject = email.Subject,
            Date = now,
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Headers.Add(HeaderId.ContentLanguage, email.Culture);
        var body = new MultipartAlternative
        {
            Part(email.TextBody, TextFormat.Plain),
            Part(email.HtmlBody, TextFormat.Html),
        };
        if (email.AttachmentName is { } name && email.AttachmentContent is { } content)
        {
            var attachment = new MimePart(ContentType.Parse(email.AttachmentContentType ?? "application/octet-stream"))
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = name,
            };
            message.Body = new Multipart("mixed") { body, attachment };
        }
        else
        {
            message.Body = body;
        }

        return message;
    }

    private static TextPart Part(string content, TextFormat format)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(System.Text.Encoding.UTF8, content);
        return part;
    }

    private static async Task SendOverSmtpAsync(MimeMessage message, string host, EmailOptions.SmtpSettings smtp, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(host, smtp.Port, smtp.SocketOptions, cancellationToken);
        // Reset links and codes, and the relay password, never cross a network in clear text.
        if (!client.IsSecure && !IsThisMachine(host))
        {
            throw new InvalidOperationException($"SMTP to {host} is not encrypted: plain text (Email:Smtp:Security=None) is only for a relay on this machine.");
        }

        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static bool IsThisMachine(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    // Written beside its final name and then renamed, so the dev mailbox never reads half a mail.
    private static async Task WriteToPickupAsync(MimeMessage message, Guid id, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id:N}.eml");
        var partial = path + ".part";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
