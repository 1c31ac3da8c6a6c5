using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Data;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>Renders the module's email templates in the recipient's language and queues them with the change.</summary>
internal sealed class AccountMail(IOptions<EmailOptions> email, IPortalLinks links, TimeProvider clock)
{
    public void Queue(AccountsDbContext db, string to, string language, string template, params (string Key, string Value)[] values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value);
        all["Clinic"] = email.Value.FromName;
        db.QueueEmail(to, EmailTemplates.Render(typeof(AccountMail).Assembly, template, CultureInfo.GetCultureInfo(language), all), clock);
    }

    public string Link(string path, string token) => links.To($"{path}?token={Uri.EscapeDataString(token)}").ToString();
}
