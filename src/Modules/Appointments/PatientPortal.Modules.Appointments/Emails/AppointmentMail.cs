using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Emails;

/// <summary>
/// The module's emails (issue 9): the booking confirmation (with the calendar file), the reminder and confirmation
/// request when the confirm window opens, and the cancellation notice (by the patient or the clinic). Each goes to the
/// profile's own account and its proxies with the Appointments permission, as the profile's notification preferences
/// allow (Profiles' <see cref="ListNotificationRecipients"/>), at each account's sign-in address and in its language
/// (Accounts' <see cref="GetAccountContacts"/>). The emails are added to the context, to be saved by the caller's
/// SaveChanges together with the change they tell about. They say when and where, never what for: no type, no reason.
/// </summary>
internal sealed class AppointmentMail(
    IMediator mediator, IOptions<EmailOptions> email, IPortalLinks links, IAppointmentLinks pages, EmailLinkTokens tokens,
    ClinicCalendar calendar, AppointmentWindows windows, TimeProvider clock)
{
    /// <summary>Whom to tell about the profile's appointments, and where: looked up before a booking takes its locks.</summary>
    public async Task<MailRecipients> RecipientsAsync(Guid profileId, NotificationKind kind, CancellationToken cancellationToken)
    {
        var recipients = await mediator.Send(new ListNotificationRecipients(profileId, ProfileTabs.Appointments, kind), cancellationToken);
        return recipients.AccountIds.Count == 0
            ? MailRecipients.Nobody
            : new MailRecipients(recipients.FirstName, await mediator.Send(new GetAccountContacts(profileId, recipients.AccountIds), cancellationToken));
    }

    /// <summary>
    /// The booking confirmations, written before the booking's locks are taken (their rendering, calendar file and link
    /// tokens are most of a booking's work): the booking adds them to its save. None when nobody is to be told.
    /// </summary>
    public Task<List<QueuedEmail>> ComposeBookedAsync(AppointmentsDbContext db, Appointment appointment, MailRecipients recipients, CancellationToken cancellationToken) =>
        ComposeAsync(db, appointment, recipients, "AppointmentBooked", attach: true, cancellationToken);

    public async Task<int> QueueReminderAsync(AppointmentsDbContext db, Appointment appointment, CancellationToken cancellationToken) =>
        await QueueAsync(db, appointment, await RecipientsAsync(appointment.ProfileId, NotificationKind.Reminders, cancellationToken),
            "AppointmentReminder", attach: false, cancellationToken);

    /// <summary>After <see cref="Appointment.Cancel"/>: the notice names who cancelled, and its calendar file cancels the event.</summary>
    public async Task<int> QueueCancelledAsync(AppointmentsDbContext db, Appointment appointment, CancellationToken cancellationToken) =>
        await QueueAsync(db, appointment, await RecipientsAsync(appointment.ProfileId, NotificationKind.AppointmentEmails, cancellationToken),
            appointment.CancelledByParty == CancelledBy.Clinic ? "AppointmentCancelledByClinic" : "AppointmentCancelled", attach: true, cancellationToken);

    /// <returns>How many emails were queued (none when nobody is to be told).</returns>
    private async Task<int> QueueAsync(
        AppointmentsDbContext db, Appointment appointment, MailRecipients recipients, string template, bool attach, CancellationToken cancellationToken)
    {
        var emails = await ComposeAsync(db, appointment, recipients, template, attach, cancellationToken);
        db.QueuedEmails.AddRange(emails);
        return emails.Count;
    }

    private async Task<List<QueuedEmail>> ComposeAsync(
        AppointmentsDbContext db, Appointment appointment, MailRecipients recipients, string template, bool attach, CancellationToken cancellationToken)
    {
        var emails = new List<QueuedEmail>();
        if (recipients.Contacts.Count == 0)
        {
            return emails;
        }

        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == appointment.SiteId, cancellationToken);
        var clinic = email.Value.FromName;
        var now = clock.GetUtcNow();
        foreach (var contact in recipients.Contacts)
        {
            if (!MailHeaders.TryAddress(contact.Email, out var address))
            {
                continue;
            }

            var culture = Culture(contact.Language);
            var values = new Dictionary<string, string>
            {
                ["Clinic"] = clinic,
                ["Patient"] = recipients.FirstName,
                ["When"] = When(appointment.StartUtc, culture),
                ["Site"] = site.Name,
                ["CancelDeadline"] = When(windows.CancelDeadline(appointment), culture),
                ["Link"] = links.To("/").ToString(),
                ["ConfirmLink"] = Link(AppointmentLink.EmailConfirm, tokens.Issue(appointment, EmailAction.Confirm, contact.AccountId)),
                ["CancelLink"] = Link(AppointmentLink.EmailCancel, tokens.Issue(appointment, EmailAction.Cancel, contact.AccountId)),
            };
            var rendered = EmailTemplates.Render(typeof(AppointmentMail).Assembly, template, culture, values);
            emails.Add(attach
                ? QueuedEmail.Create(address, rendered, now, AppointmentCalendar.Attachment(appointment, site, clinic, email.Value.From, culture.Name, now))
                : QueuedEmail.Create(address, rendered, now));
        }

        return emails;
    }

    private string Link(AppointmentLink link, string token) => links.To($"{pages.PathOf(link)}?t={Uri.EscapeDataString(token)}").ToString();

    /// <summary>"Thursday, March 5, 2026 at 9:00 AM" / "jeudi 5 mars 2026 à 9 h 00", in clinic time.</summary>
    private string When(DateTimeOffset utc, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(utc, calendar.Zone);
        return culture.TwoLetterISOLanguageName == "fr"
            ? local.ToString("dddd d MMMM yyyy 'à' H 'h' mm", culture)
            : local.ToString("dddd, MMMM d, yyyy 'at' h:mm tt", culture);
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
