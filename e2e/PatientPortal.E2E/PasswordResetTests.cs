using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>Forgot your password? → email → new password → only the new password opens the portal.</summary>
[Collection(PortalInChromium.Name)]
public sealed class PasswordResetTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en-CA")]
    public async Task A_patient_resets_a_forgotten_password_from_the_email_and_only_the_new_one_works(string locale)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "forgot");
        const string newPassword = "Bleu-Fleuve-2027!y";
        await using (var registration = await portal.NewBrowserAsync(locale))
        {
            await Journeys.RegisterAndActivateAsync(registration, patient);
        }

        await using var browser = await portal.NewBrowserAsync(locale);
        var login = await LoginPage.OpenAsync(browser);
        var forgot = await login.ForgotPasswordAsync();
        await Expect(forgot.Title).ToHaveTextAsync(text.ForgotTitle);
        await Results.ScreenshotAsync(forgot.Page, "forgot-password");
        await forgot.RequestAsync(patient.Email);
        await Results.ScreenshotAsync(forgot.Page, "reset-sent");

        var mail = await (await Mailbox.OpenAsync(browser)).WaitForAsync(patient.Email, text.ResetMail);
        var page = forgot.Page;
        await page.GotoAsync(mail.Link);
        var reset = new ResetPasswordPage(page);
        await Expect(reset.Title).ToHaveTextAsync(text.ResetTitle);
        await Results.ScreenshotAsync(page, "reset-password");
        await reset.ResetAsync(patient.Email, newPassword);
        await Results.ScreenshotAsync(page, "reset-done");

        login = await reset.GoToLoginAsync();
        await login.SubmitAsync(patient.Email, patient.Password);
        await Expect(login.Errors).ToHaveTextAsync(text.InvalidCredentials);
        await Results.ScreenshotAsync(page, "login-error");

        await login.SignInAsync(patient.Email, newPassword);
        var dashboard = new DashboardPage(page);
        await dashboard.WaitAsync();
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);
    }
}
