namespace PatientPortal.E2E.Pages;

/// <summary>What the frame says in one language (SharedResource.resx / SharedResource.fr.resx), as in the DOM before CSS uppercases it.</summary>
internal sealed record FrameText(
    string HtmlLang,
    string LanguageToggle,
    IReadOnlyList<string> Tabs,
    string OtherProfiles,
    string UserGuide,
    string ActivityTitle,
    string Dashboard,
    string Inbox)
{
    public static readonly FrameText French = new(
        HtmlLang: "fr-CA",
        LanguageToggle: "English",
        Tabs: ["Rendez-vous", "Boîte de réception", "Documents", "Factures", "Envoyées", "Profil"],
        OtherProfiles: "Autres profils",
        UserGuide: "Téléchargez le guide d'utilisation",
        ActivityTitle: "Activité récente",
        Dashboard: "Tableau de bord",
        Inbox: "Boîte de réception");

    public static readonly FrameText English = new(
        HtmlLang: "en-CA",
        LanguageToggle: "Français",
        Tabs: ["Appointments", "Inbox", "Documents", "Bills", "Sent", "Profile"],
        OtherProfiles: "Other Profiles",
        UserGuide: "Get the user guide",
        ActivityTitle: "Recent activity",
        Dashboard: "Dashboard",
        Inbox: "Inbox");

    /// <summary>"fr-CA"/"en-CA" or "fr"/"en".</summary>
    public static FrameText For(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;
}
