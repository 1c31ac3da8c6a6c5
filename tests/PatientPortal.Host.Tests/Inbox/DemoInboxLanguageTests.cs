using System.Net;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;
using static PatientPortal.Host.Tests.Inbox.InboxPortal;

namespace PatientPortal.Host.Tests.Inbox;

/// <summary>
/// Issue 11: the demo clinic is a Quebec clinic writing to a French-speaking family (the demo patient's preferred
/// language is French), so its communications are in French, whatever language the screens are shown in.
/// </summary>
public sealed class DemoInboxLanguageTests
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_demo_clinic_writes_to_the_demo_family_in_their_preferred_language(string screens)
    {
        await using var portal = await StartAsync();
        var heather = await HeatherForNathanAsync(portal, screens);

        var subjects = new List<string>();
        foreach (var tab in new[] { "/inbox", "/inbox?page=2" })
        {
            var page = await heather.GetAsync(tab);
            page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
            subjects.AddRange(page.Document.QuerySelectorAll("[data-testid='inbox-subject']").Select(s => s.TextContent.Replace("Non lu :", "").Replace("Unread:", "").Trim()));
        }

        subjects.Count.ShouldBe(21);
        subjects.ShouldContain("Confirmation d'inscription");
        subjects.ShouldContain("Facture de physiothérapie, séance 2");
        subjects.ShouldNotContain("Registration Confirmation");
        subjects.ShouldNotContain("Consultation receipt");

        var thread = await heather.GetAsync((await heather.GetAsync("/documents")).Document.QuerySelector("[data-testid='inbox-link']")!.GetAttribute("href")!);
        var file = await heather.Http.GetAsync(thread.Document.QuerySelector("[data-testid='attachment-link']")!.GetAttribute("href"));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await file.Content.ReadAsByteArrayAsync());
        pdf.GetPage(1).Text.ShouldContain("Patient :");
    }
}
