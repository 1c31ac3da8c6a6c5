using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace PatientPortal.BuildingBlocks.Email;

public interface IEmailSender
{
    Task SendAsync(QueuedEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// Sends with the BCL SmtpClient (MailKit is not on our registry, docs/adr/0005), or writes an .eml file to the
/// pickup folder. Text and HTML go as two explicit alternative views; the Message-ID is the queue id, so a
/// receiving system can drop a copy re-sent after a crash.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(QueuedEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From, settings.FromName),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(email.To);
        message.Headers.Add("Message-ID", $"<{email.Id:N}@patientportal>");
        message.Headers.Add("Content-Language", email.Culture);
        message.AlternateViews.Add(View(email.TextBody, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(View(email.HtmlBody, MediaTypeNames.Text.Html));

        using var client = CreateClient(settings);
        await client.SendMailAsync(message, cancellationToken);
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }

    private static SmtpClient CreateClient(EmailOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var client = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port) { EnableSsl = settings.Smtp.EnableSsl };
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
            }

            return client;
        }

        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Path.GetFullPath(settings.PickupDirectory),
            };
        }

        throw new InvalidOperationException("Email is not configured: set Email:Smtp:Host (or Email:PickupDirectory in Development).");
    }
}
