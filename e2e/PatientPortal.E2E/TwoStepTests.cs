using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>
/// Two-step verification in the browser, in both languages: a patient sets up an authenticator app from the QR code,
/// signs in with a code, is refused the same code again, and signs in with a recovery code instead.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class TwoStepTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA", "Vérification en deux étapes", "Saisissez votre code", "Ce code n'est pas valide")]
    [InlineData("en-CA", "Two-step verification", "Enter your code", "This code is not valid")]
    public async Task A_patient_sets_up_the_app_signs_in_with_a_code_is_refused_a_replay_and_uses_a_recovery_code(
        string locale, string settingsTitle, string codeTitle, string codeRefused)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "two-step");
        await using var browser = await portal.NewBrowserAsync(locale);
        var dashboard = await Journeys.RegisterAndActivateAsync(browser, patient);
        var page = dashboard.Page;

        await page.GetByTestId("edit-two-step").ClickAsync();
        await page.WaitForURLAsync("**/account/two-step");
        await Expect(page.GetByTestId("page-title")).ToHaveTextAsync(settingsTitle);
        await Results.ScreenshotAsync(page, "two-step-off");
        await page.GetByTestId("set-up-app").ClickAsync();
        await page.WaitForURLAsync("**/account/two-step/authenticator");
        var setUp = new SetUpAuthenticatorPage(page);
        // The QR code is a server-rendered image the page's content security policy lets through (it decoded).
        await Expect(setUp.QrCode).ToBeVisibleAsync();
        (await setUp.QrCode.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(100);
        await Expect(setUp.Key).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$"));
        await Results.ScreenshotAsync(page, "two-step-set-up");
        var recoveryCodes = await setUp.SetUpAsync(patient.Email, patient.Password);
        recoveryCodes.Count.ShouldBe(10);
        await Results.ScreenshotAsync(page, "two-step-recovery-codes");
        await setUp.ContinueAsync();
        var app = AuthenticatorApp.Find(page, patient.Email)!;

        // Password, then the app's code.
        var login = await new DashboardPage(page).LogoutAsync();
        await login.SubmitAsync(patient.Email, patient.Password);
        var code = new SignInCodePage(page);
        await code.WaitAsync();
        await Expect(code.Title).ToHaveTextAsync(codeTitle);
        await Results.ScreenshotAsync(page, "sign-in-code");
        await code.EnterAsync(await app.NextCodeAsync());
        await new DashboardPage(page).WaitAsync();

        // The same code again (it is still within its 30 seconds): refused.
        login = await new DashboardPage(page).LogoutAsync();
        await login.SubmitAsync(patient.Email, patient.Password);
        await code.WaitAsync();
        await code.EnterAsync(app.LastCode());
        await Expect(code.Errors).ToContainTextAsync(codeRefused);
        await Results.ScreenshotAsync(page, "sign-in-code-replayed");

        // A recovery code works in place of the app, once.
        await code.EnterAsync(recoveryCodes[0]);
        await new DashboardPage(page).WaitAsync();
        await page.GotoAsync("/account/two-step");
        await Expect(page.GetByTestId("recovery-codes-left")).ToContainTextAsync("9");
        await Results.ScreenshotAsync(page, "two-step-on");
    }
}
