using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>Staff create a child's record from the admin area, attach it to a parent's account with chosen tabs, and find it again.</summary>
[Collection(PortalInChromium.Name)]
public sealed class AdminPatientsTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA", "Actif", "Rendez-vous")]
    [InlineData("en-CA", "Active", "Appointments")]
    public async Task Staff_create_a_childs_record_and_attach_it_to_a_parent_with_chosen_tabs(string locale, string active, string appointments)
    {
        var language = PortalText.For(locale).Language;
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = (await InvitationsAdminPage.SignInAsync(browser, language)).Page;
        await page.GetByTestId("admin-patients").ClickAsync();
        await page.WaitForURLAsync("**/admin/patients");
        await page.GetByTestId("new-patient").ClickAsync();
        await page.WaitForURLAsync("**/admin/patients/new");

        var first = $"Zoé{language}{Guid.NewGuid().ToString("N")[..4]}";
        await page.GetByTestId("first-name").FillAsync(first);
        await page.GetByTestId("last-name").FillAsync("Milner");
        await page.GetByTestId("date-of-birth").FillAsync("2019-09-09");
        await page.GetByTestId("sex").SelectOptionAsync("Female");
        await page.GetByTestId("phone1").FillAsync("514 555-0199");
        await page.GetByTestId("guardian-name").FillAsync("Heather Milner");
        await page.GetByTestId("guardian-email").FillAsync("heather.milner@example.com");
        await Results.ScreenshotAsync(page, "admin-patient-new");
        await page.GetByTestId("create-record").ClickAsync();
        await page.WaitForURLAsync("**/admin/patients/*-*");

        await page.GetByTestId("account-email").FillAsync("heather.milner@example.com");
        await page.GetByTestId("relationship").SelectOptionAsync("Parent");
        await page.GetByTestId("attach-tab-Bills").UncheckAsync();
        await page.GetByTestId("attach").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("link-holder")).ToHaveTextAsync("Heather Milner");
        await Expect(page.GetByTestId("link-state")).ToHaveTextAsync(active);
        await Expect(page.GetByTestId("permissions-form")).ToContainTextAsync(appointments);
        await Results.ScreenshotAsync(page, "admin-patient-record");

        await page.GetByTestId("admin-patients").ClickAsync();
        await page.GetByTestId("search-name").FillAsync(first);
        await page.GetByTestId("search").ClickAsync();
        await Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(1);
        await Results.ScreenshotAsync(page, "admin-patient-search");
        await page.GetByTestId("pending-decisions").ClickAsync();
        await page.WaitForURLAsync("**/admin/patients/requests");
        await Results.ScreenshotAsync(page, "admin-patient-requests");
    }
}
