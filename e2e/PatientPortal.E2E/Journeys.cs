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
}
