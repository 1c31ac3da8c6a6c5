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
        await page.WaitForPageAsync("**/account/two-step");
        await Expect(page.GetByTestId("page-title")).ToHaveTextAsync(settingsTitle);
        await Results.ScreenshotAsync(page, "two-step-off");
        await page.GetByTestId("set-up-app").ClickAsync();
        await page.WaitForPageAsync("**/account/two-step/authenticator");
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

    [Theory]
    [InlineData("fr-CA", "Votre code de connexion")]
    [InlineData("en-CA", "Your sign-in code")]
    public async Task A_patient_signs_in_with_an_emailed_code_trusts_the_browser_and_then_revokes_it(string locale, string codeMail)
    {
        var text = PortalText.For(locale);
        var patient = Patient.New(text.Language, "email-code");
        await using var browser = await portal.NewBrowserAsync(locale);
        var page = (await Journeys.RegisterAndActivateAsync(browser, patient)).Page;
        var mailbox = await Mailbox.OpenAsync(browser);

        await page.GotoAsync("/account/two-step");
        await page.GetByTestId("set-up-email").ClickAsync();
        var setUpCode = (await mailbox.WaitForAsync(patient.Email, codeMail)).Code;
        await page.GetByTestId("email-code").FillAsync(setUpCode);
        await page.GetByTestId("confirm-email-code").ClickAsync();
        await Expect(page.GetByTestId("recovery-code")).ToHaveCountAsync(10);
        await Results.ScreenshotAsync(page, "two-step-email-on");

        // The password, then the code the email brings; this browser is trusted from now on.
        var login = await new DashboardPage(page).LogoutAsync();
        await login.SubmitAsync(patient.Email, patient.Password);
        var code = new SignInCodePage(page);
        await code.WaitAsync();
        await Results.ScreenshotAsync(page, "sign-in-code-email");
        await code.EnterAsync((await mailbox.WaitForAsync(patient.Email, codeMail, count: 2)).Code, trustThisBrowser: true);
        await new DashboardPage(page).WaitAsync();

        login = await new DashboardPage(page).LogoutAsync();
        await login.SignInAsync(patient.Email, patient.Password);
        await new DashboardPage(page).WaitAsync();

        // Seen and revoked in the sign-in details: the next sign-in asks for the code again.
        await page.GotoAsync("/account/two-step");
        await Expect(page.GetByTestId("trusted-browser")).ToHaveCountAsync(1);
        await Results.ScreenshotAsync(page, "two-step-trusted-browser");
        await page.GetByTestId("revoke-browser").ClickAsync();
        await Expect(page.GetByTestId("no-trusted-browsers")).ToBeVisibleAsync();
        login = await (await DashboardPage.OpenAsync(page)).LogoutAsync();
        await login.SubmitAsync(patient.Email, patient.Password);
        await code.WaitAsync();
    }
}
