using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Profiles.Emails;

/// <summary>
/// Renders the module's email templates (<c>Emails/{Name}.{en|fr}.txt</c>) in the recipient's language and queues them
/// in the module's database, to be saved by the same SaveChanges as the change they tell about. Every template gets
/// <c>{Clinic}</c> and <c>{Link}</c> (the portal's home page unless the caller names a page, such as
/// <see cref="ConnectedAccountsLink"/>): the mail says "log in to view", never what is in the file.
/// </summary>
internal sealed class ProfileMail(IOptions<EmailOptions> email, IPortalLinks links, IProfileLinks pages, TimeProvider clock)
{
    public string ConnectedAccountsLink => links.To(pages.PathOf(ProfileLink.ConnectedAccounts)).ToString();

    /// <returns>False, and nothing queued, when <paramref name="to"/> is not one plain address (a record's contact email
    /// is typed by people): the change it tells about still stands.</returns>
    public bool Queue(ProfilesDbContext db, string to, string language, string template, params (string Key, string Value)[] values)
    {
        if (!MailHeaders.TryAddress(to, out var address))
        {
            return false;
        }

        var all = values.ToDictionary(v => v.Key, v => v.Value);
        all["Clinic"] = email.Value.FromName;
        all.TryAdd("Link", links.To("/").ToString());
        db.QueueEmail(address, EmailTemplates.Render(typeof(ProfileMail).Assembly, template, Culture(language), all), clock);
        return true;
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
