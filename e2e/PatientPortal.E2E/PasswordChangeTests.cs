using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>Changing the password keeps this session and ends every other one.</summary>
[Collection(PortalInChromium.Name)]
public sealed class PasswordChangeTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task Changing_the_password_signs_the_other_session_out_on_its_next_navigation(string locale)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "password");
        const string newPassword = "Rouge-Erable-2028#z";
        await using var browser = await portal.NewBrowserAsync(locale);
        var dashboard = await Journeys.RegisterAndActivateAsync(browser, patient);

        // The same patient on another computer.
        await using var elsewhere = await portal.NewBrowserAsync(locale);
        var otherLogin = await LoginPage.OpenAsync(elsewhere);
        await otherLogin.SignInAsync(patient.Email, patient.Password);
        var other = new PortalFrame(otherLogin.Page);
        await new DashboardPage(other.Page).WaitAsync();

        var change = await dashboard.EditPasswordAsync();
        await Results.ScreenshotAsync(change.Page, "change-password");
        await change.ChangeAsync(patient.Password, newPassword);
        await Results.ScreenshotAsync(change.Page, "password-changed");
        dashboard = await change.DoneAsync();
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);

        await other.Page.GetByTestId("tab-inbox").ClickAsync();
        await Expect(other.Page).ToHaveURLAsync(LoginPage.LoginUrl());
        var login = new LoginPage(other.Page);
        await Expect(login.Title).ToHaveTextAsync(text.LoginTitle);

        await (await Mailbox.OpenAsync(browser)).WaitForAsync(patient.Email, text.PasswordChangedMail);

        // Back in with the new password, where the patient was going.
        await login.SignInAsync(patient.Email, newPassword);
        await other.Page.WaitForPageAsync("**/inbox");
        (await other.PageTitleAsync()).ShouldBe(FrameText.For(locale).Inbox);
    }
}
