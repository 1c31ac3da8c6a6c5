using System.Globalization;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>Renders the module's email templates in the recipient's language and queues them with the change.</summary>
internal sealed class AccountMail(Pepper pepper, IOptions<EmailOptions> email, IOptions<AccountsOptions> options, IPortalLinks links, IAccountLinks pages, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Mail that anyone can make us send to any address (an activation or reset link, an email-change link or
    /// refusal): at most <see cref="AccountsOptions.MailPerAddressPerHour"/> to one address asked from one source, and
    /// four times that from all sources, then none for an hour. So one source can neither flood an address nor use up
    /// its owner's own reset links. Past a limit it is dropped silently, and the caller answers as usual. Notices of
    /// something that happened (password changed, account locked) never come through here, so they are never dropped.
    /// </summary>
    /// <param name="source">Where the request came from, as <see cref="Throttle.SourceKey"/> gives it.</param>
    /// <returns>Whether it was queued: a caller issues the link's token only then, so a dropped mail leaves no live link.</returns>
    public async Task<bool> QueueUnsolicitedAsync(
        AccountsDbContext db, string to, string source, string language, string template, CancellationToken cancellationToken, params (string Key, string Value)[] values)
    {
        var now = clock.GetUtcNow();
        var subject = Throttle.SubjectOf(pepper, Account.Normalize(to));
        var perSource = options.Value.MailPerAddressPerHour;
        var fromHere = await CounterAsync(db, subject, Throttle.MailFrom(source), now, cancellationToken);
        var fromAll = await CounterAsync(db, subject, Throttle.Mail, now, cancellationToken);
        if (fromHere.IsFull(perSource, Hour, now) || fromAll.IsFull(4 * perSource, Hour, now))
        {
            return false;
        }

        fromHere.Add(Hour, now);
        fromAll.Add(Hour, now);
        Queue(db, to, language, template, values);
        return true;
    }

    private static async Task<Throttle> CounterAsync(AccountsDbContext db, string subject, string counter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Throttles.FindAsync([subject, counter], cancellationToken) is { } found)
        {
            return found;
        }

        var started = Throttle.Start(subject, counter, now);
        db.Throttles.Add(started);
        return started;
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
