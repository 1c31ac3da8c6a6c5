using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>The admin adds a staff member, who chooses a password from the email, sets up the authenticator app, and then works in the admin area.</summary>
[Collection(PortalInChromium.Name)]
public sealed class StaffAccountTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA", "Julie Gagnon", "Personnel de la clinique")]
    [InlineData("en-CA", "Julie Gagnon", "Clinic staff")]
    public async Task An_admin_adds_a_staff_member_who_chooses_a_password_must_set_up_the_app_and_can_invite_but_not_manage_staff(string locale, string name, string role)
    {
        var language = PortalText.For(locale).Language;
        await using var adminBrowser = await portal.NewBrowserAsync(locale);
        var invitations = await InvitationsAdminPage.SignInAsync(adminBrowser, language);
        var page = invitations.Page;
        await page.GetByTestId("admin-staff").ClickAsync();
        await page.WaitForPageAsync("**/admin/staff");
        await Results.ScreenshotAsync(page, "admin-staff");

        var email = Patient.NewEmail("staff");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("first-name").FillAsync("Julie");
        await page.GetByTestId("last-name").FillAsync("Gagnon");
        await page.GetByTestId("role").SelectOptionAsync("Staff");
        await page.GetByTestId("language").SelectOptionAsync(language);
        await page.GetByTestId("create-staff").ClickAsync();
        await Expect(page.GetByTestId("staff-created")).ToBeVisibleAsync();
        var row = page.GetByTestId("staff-row").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync(role);
        await Results.ScreenshotAsync(page, "admin-staff-created");

        // The staff member, on another computer, follows the welcome email's link to choose a password.
        await using var staffBrowser = await portal.NewBrowserAsync(locale);
        var mailbox = await Mailbox.OpenAsync(staffBrowser);
        var welcome = await mailbox.WaitForAsync(email);
        var staffPage = mailbox.Page;
        await staffPage.GotoAsync(welcome.Link);
        var reset = new ResetPasswordPage(staffPage);
        await reset.ResetAsync(email, "Sapin-Neige-2031!k");
        var login = await reset.GoToLoginAsync();
        await login.SignInAsync(email, "Sapin-Neige-2031!k");

        // Staff must use an authenticator app: before it is set up, the admin area sends them to do it.
        await staffPage.GotoAsync("/admin/invitations");
        await staffPage.WaitForPageAsync("**/account/two-step/authenticator?returnUrl=*");
        var setUp = new SetUpAuthenticatorPage(staffPage);
        await Expect(setUp.StaffMustSetUp).ToBeVisibleAsync();
        await Results.ScreenshotAsync(staffPage, "staff-set-up-authenticator");
        (await setUp.SetUpAsync(email, "Sapin-Neige-2031!k")).Count.ShouldBe(10);
        await setUp.ContinueAsync();
        await staffPage.WaitForPageAsync("**/admin/invitations");
        await Expect(staffPage.GetByTestId("page-title")).ToHaveTextAsync("Invitations");
        await Expect(staffPage.GetByTestId("admin-staff")).ToHaveCountAsync(0);
        var staffOnly = await staffPage.GotoAsync("/admin/staff");
        staffOnly!.Status.ShouldBe(403);
    }
}
