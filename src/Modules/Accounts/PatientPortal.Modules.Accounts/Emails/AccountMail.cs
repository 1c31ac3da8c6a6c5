using System.Globalization;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>Renders the module's email templates in the recipient's language and queues them with the change.</summary>
internal sealed class AccountMail(IOptions<EmailOptions> email, IOptions<AccountsOptions> options, IPortalLinks links, IAccountLinks pages, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Mail that anyone can make us send to any address (an activation or reset link): at most
    /// <see cref="AccountsOptions.MailPerAddressPerHour"/> to one address, then none for an hour. Past the limit it is
    /// dropped silently, and the caller answers as usual. Notices of a change the owner made are never dropped.
    /// </summary>
    public async Task QueueUnsolicitedAsync(
        AccountsDbContext db, string to, string language, string template, CancellationToken cancellationToken, params (string Key, string Value)[] values)
    {
        var now = clock.GetUtcNow();
        var subject = Secrets.Hash(Account.Normalize(to));
        var counter = await db.Throttles.FindAsync([subject, Throttle.Mail], cancellationToken);
        if (counter is null)
        {
            counter = Throttle.Start(subject, Throttle.Mail, now);
            db.Throttles.Add(counter);
        }

        if (counter.IsBlocked(now))
        {
            return;
        }

        counter.Record(options.Value.MailPerAddressPerHour, Hour, Hour, Hour, now);
        Queue(db, to, language, template, values);
    }

    public void Queue(AccountsDbContext db, string to, string language, string template, params (string Key, string Value)[] values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value);
        all["Clinic"] = email.Value.FromName;
        db.QueueEmail(to, EmailTemplates.Render(typeof(AccountMail).Assembly, template, CultureInfo.GetCultureInfo(language), all), clock);
    }

    /// <summary>The absolute link to the host's page for <paramref name="link"/>, carrying the secret token.</summary>
    public string Link(AccountLink link, string token) => links.To(PathAndQuery(pages, link, token)).ToString();

    public static string PathAndQuery(IAccountLinks pages, AccountLink link, string token) =>
        $"{pages.PathOf(link)}?token={Uri.EscapeDataString(token)}";
}
