using System.Globalization;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Accounts.Emails;

/// <summary>Renders the module's email templates in the recipient's language and queues them with the change.</summary>
internal sealed class AccountMail(IOptions<EmailOptions> email, IPortalLinks links, IAccountLinks pages, TimeProvider clock)
{
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
