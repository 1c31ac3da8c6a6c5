using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Emails;

/// <summary>
/// The email of a new communication, or of staff writing again in a thread (issue 10): to the profile's own account
/// and its proxies with the category's permission, as the profile's preference for new communications allows
/// (Profiles' <see cref="ListNotificationRecipients"/>), at each account's address and in its language (Accounts'
/// <see cref="GetAccountContacts"/>). It says only that something is waiting, with a "View the Message / Document /
/// Invoice" link to the communication's page (login first): no subject, no body, no type, no file (security.md F30).
/// Queued in the caller's context, saved with the change it tells about.
/// </summary>
internal sealed class InboxMail(IMediator mediator, IOptions<EmailOptions> email, IPortalLinks links, TimeProvider clock)
{
    public async Task<MailRecipients> RecipientsAsync(Guid profileId, CommunicationCategory category, CancellationToken cancellationToken)
    {
        var recipients = await mediator.Send(
            new ListNotificationRecipients(profileId, InboxAccess.TabOf(category), NotificationKind.NewCommunications), cancellationToken);
        return recipients.AccountIds.Count == 0
            ? MailRecipients.Nobody
            : new MailRecipients(recipients.FirstName, await mediator.Send(new GetAccountContacts(profileId, recipients.AccountIds), cancellationToken));
    }

    /// <returns>How many emails were queued.</returns>
    public int Queue(InboxDbContext db, Communication communication, MailRecipients recipients)
    {
        var template = communication.Category switch
        {
            CommunicationCategory.Document => "NewDocument",
            CommunicationCategory.Bill => "NewBill",
            _ => "NewMessage",
        };
        var queued = 0;
        foreach (var contact in recipients.Contacts)
        {
            if (!MailHeaders.TryAddress(contact.Email, out var address))
            {
                continue;
            }

            var values = new Dictionary<string, string>
            {
                ["Clinic"] = email.Value.FromName,
                ["Patient"] = recipients.FirstName,
                ["Link"] = links.To(InboxPaths.Thread(communication.Id)).ToString(),
            };
            db.QueueEmail(address, EmailTemplates.Render(typeof(InboxMail).Assembly, template, Culture(contact.Language), values), clock);
            queued++;
        }

        return queued;
    }

    /// <summary>English for an account that chose it, French otherwise (the clinic's language).</summary>
    private static CultureInfo Culture(string? language) =>
        CultureInfo.GetCultureInfo(language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en-CA" : "fr-CA");
}

/// <summary>The profile's first name and its recipients' addresses and languages (none: nothing is sent).</summary>
internal sealed record MailRecipients(string FirstName, IReadOnlyList<AccountContact> Contacts)
{
    public static MailRecipients Nobody { get; } = new("", []);
}
