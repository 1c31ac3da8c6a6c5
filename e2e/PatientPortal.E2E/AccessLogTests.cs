using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// "Who saw my file" in a real browser (issue 11, ADR 0019), in French and in English: Heather opens her appointments and
/// her Account settings, follows the settings' link to the log, and sees those accesses (the outbox delivers them within
/// seconds), named and in the page's language. A screenshot of the page in each language.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class AccessLogTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA", "Qui a consulté mon dossier", "La personne elle-même (Heather Milner)")]
    [InlineData("en-CA", "Who saw my file", "The patient (Heather Milner)")]
    public async Task The_patient_sees_who_opened_her_file_in_her_language(string locale, string title, string self)
    {
        await using var browser = await portal.NewBrowserAsync(locale);
        var login = await LoginPage.OpenAsync(browser);
        var page = login.Page;
        await login.SignInAsync("heather.milner@example.com", "Portail-Demo-2026!");
        var switched = !(await page.Locator("html").GetAttributeAsync("lang") ?? "").StartsWith(locale[..2], StringComparison.Ordinal);
        if (switched)
        {
            await new PortalFrame(page).SwitchLanguageAsync();
        }

        await page.GotoAsync("/appointments");
        await page.GotoAsync("/profile");
        await page.GetByTestId("access-log-link").ClickAsync();
        for (var attempt = 0; attempt < 30 && await page.GetByTestId("access-row").Filter(new() { HasText = self }).CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        (await page.GetByTestId("page-title").InnerTextAsync()).Trim().ShouldBe(title);
        (await page.GetByTestId("access-row").Filter(new() { HasText = self }).CountAsync()).ShouldBeGreaterThan(0);
        await Results.ScreenshotAsync(page, "access-log");

        if (switched)
        {
            await page.GotoAsync("/");
            await new PortalFrame(page).SwitchLanguageAsync();
        }
    }
}
