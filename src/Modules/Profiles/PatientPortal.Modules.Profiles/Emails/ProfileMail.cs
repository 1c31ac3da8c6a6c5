using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Profiles.Emails;

/// <summary>Renders the module's email templates in the recipient's language and queues them with the change.</summary>
internal sealed class ProfileMail(IOptions<EmailOptions> email, IPortalLinks links, IProfileLinks pages, TimeProvider clock)
{
    /// <summary>Queues <paramref name="template"/> to <paramref name="to"/>; "Clinic" and "Link" (the Connected Accounts page) are filled in.</summary>
    public void Queue(ProfilesDbContext db, string to, string language, string template, params (string Key, string Value)[] values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value);
        all["Clinic"] = email.Value.FromName;
        all["Link"] = links.To(pages.PathOf(ProfileLink.ConnectedAccounts)).ToString();
        db.QueueEmail(to, EmailTemplates.Render(typeof(ProfileMail).Assembly, template, Culture(language), all), clock);
    }

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(language) ? "fr-CA" : language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("fr-CA");
        }
    }
}
