using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>Register → activation email → Terms and Conditions → dashboard, in the browser's and the account's language.</summary>
[Collection(PortalInChromium.Name)]
public sealed class RegistrationTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("en-CA", "en")]
    // The pages follow the browser, but the emails follow the preferred language chosen on the form.
    [InlineData("fr-CA", "en")]
    public async Task A_new_patient_registers_activates_from_the_email_and_lands_on_the_dashboard(string locale, string preferredLanguage)
    {
        var pages = PortalText.For(locale);
        var account = PortalText.For(preferredLanguage);
        var patient = Patient.New(preferredLanguage, "register");
        await using var browser = await portal.NewBrowserAsync(locale);

        var login = await LoginPage.OpenAsync(browser);
        await Expect(login.Title).ToHaveTextAsync(pages.LoginTitle);
        await Results.ScreenshotAsync(login.Page, "login");

        var register = await login.CreateAccountAsync();
        await Expect(register.Title).ToHaveTextAsync(pages.RegisterTitle);
        await Expect(register.Page.GetByTestId("language")).ToHaveValueAsync(pages.Language);
        await Expect(register.RegisterButton).ToBeDisabledAsync();
        await register.FillAsync(patient);
        await Expect(register.RegisterButton).ToBeEnabledAsync();
        await Results.ScreenshotAsync(register.Page, "register");

        await register.SubmitAsync();
        await Expect(register.Title).ToHaveTextAsync(pages.RegisterSentTitle);
        await Results.ScreenshotAsync(register.Page, "register-sent");

        var mailbox = await Mailbox.OpenAsync(browser);
        var activation = await mailbox.WaitForAsync(patient.Email);
        activation.Subject.ShouldStartWith(account.ActivationMail);
        await Results.ScreenshotAsync(mailbox.Page, "mailbox");

        var page = register.Page;
        await page.GotoAsync(activation.Link);
        var terms = new TermsPage(page);
        await Expect(terms.Title).ToHaveTextAsync(pages.TermsTitle);
        await Results.ScreenshotAsync(page, "terms");

        await Expect(terms.Password).ToBeVisibleAsync();
        var dashboard = await terms.AcceptAsync(patient.Password);
        // Signing in switches the portal to the account's language.
        await Expect(dashboard.Title).ToHaveTextAsync(account.Dashboard);
        await Expect(dashboard.SignInEmail).ToHaveTextAsync(patient.Email);
        await Expect(dashboard.ProfileName).ToHaveTextAsync(patient.FullName);
        await Results.ScreenshotAsync(page, "dashboard");
    }
}
