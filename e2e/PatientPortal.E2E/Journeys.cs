using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>Journeys other tests start from.</summary>
internal static class Journeys
{
    /// <summary>
    /// Registers <paramref name="patient"/> through /register, follows the activation email and accepts the terms with the password chosen at registration:
    /// the browser ends signed in on the dashboard. (RegistrationTests checks each step of this.)
    /// </summary>
    public static async Task<DashboardPage> RegisterAndActivateAsync(IBrowserContext browser, Patient patient)
    {
        var login = await LoginPage.OpenAsync(browser);
        var register = await login.CreateAccountAsync();
        await register.FillAsync(patient);
        await register.SubmitAsync();

        var mailbox = await Mailbox.OpenAsync(browser);
        var activation = await mailbox.WaitForAsync(patient.Email, PortalText.For(patient.Language).ActivationMail);
        await mailbox.Page.CloseAsync();

        await register.Page.GotoAsync(activation.Link);
        return await new TermsPage(register.Page).AcceptAsync(patient.Password);
    }

    /// <summary>
    /// Signs a staff member in from the login page already open: staff must use an authenticator app, so the first time
    /// the portal has them set it up (the "phone" keeps the key), and every later time they enter its next code.
    /// </summary>
    public static async Task SignInAsStaffAsync(IPage page, string email, string password)
    {
        await new LoginPage(page).SubmitAsync(email, password);
        if (page.Url.Contains("/login/code", StringComparison.Ordinal))
        {
            var app = AuthenticatorApp.Find(page, email)
                ?? throw new InvalidOperationException($"{email} has an authenticator app these tests did not set up: use a fresh portal.");
            await new SignInCodePage(page).EnterAsync(await app.NextCodeAsync());
        }
        else if (page.Url.Contains("/account/two-step/authenticator", StringComparison.Ordinal))
        {
            var setUp = new SetUpAuthenticatorPage(page);
            await setUp.SetUpAsync(email, password);
            await setUp.ContinueAsync();
        }
    }

    /// <summary>As <see cref="Journeys.RegisterAndActivateAsync"/>, with a health insurance number on the form.</summary>
    public static async Task RegisterWithCardAsync(IBrowserContext browser, Patient patient, string card)
    {
        var login = await LoginPage.OpenAsync(browser);
        var register = await login.CreateAccountAsync();
        await register.FillAsync(patient);
        await register.Page.GetByTestId("hin").FillAsync(card);
        await register.SubmitAsync();

        var mailbox = await Mailbox.OpenAsync(browser);
        var activation = await mailbox.WaitForAsync(patient.Email, PortalText.For(patient.Language).ActivationMail);
        await mailbox.Page.CloseAsync();

        await register.Page.GotoAsync(activation.Link);
        await new TermsPage(register.Page).AcceptAsync(patient.Password);
    }
}
