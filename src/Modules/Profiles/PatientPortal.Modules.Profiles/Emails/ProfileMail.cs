using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Profiles.Emails;

/// <summary>
/// Renders the module's email templates (<c>Emails/{Name}.{en|fr}.txt</c>) in the recipient's language and queues them
/// in the module's database, to be saved by the same SaveChanges as the change they tell about. Every template gets
/// <c>{Clinic}</c> and <c>{Link}</c> (the portal's home page: the mail says "log in to view", never what is in the file).
/// </summary>
internal sealed class ProfileMail(IOptions<EmailOptions> email, IPortalLinks links, TimeProvider clock)
{
    public void Queue(ProfilesDbContext db, string to, string language, string template, params (string Key, string Value)[] values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value);
        all["Clinic"] = email.Value.FromName;
        all["Link"] = links.To("/").ToString();
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
