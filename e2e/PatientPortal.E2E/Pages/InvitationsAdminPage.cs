namespace PatientPortal.E2E.Pages;

/// <summary>/admin/invitations (Pages/Admin/Invitations.cshtml): staff invite patients, see the clinic code, and re-send.</summary>
internal sealed class InvitationsAdminPage(IPage page)
{
    public const string AdminEmail = "admin@clinique-saint-laurent.example";
    public const string AdminPassword = "Admin-Portail-2026!";

    public IPage Page { get; } = page;

    public ILocator Sent => Page.GetByTestId("invitation-sent");

    public ILocator ClinicCode => Page.GetByTestId("clinic-code");

    /// <summary>Opens the page as the Development clinic admin (through the login page and the authenticator app), in <paramref name="language"/>.</summary>
    public static async Task<InvitationsAdminPage> SignInAsync(IBrowserContext browser, string language)
    {
        var login = await LoginPage.OpenAsync(browser, "/admin/invitations");
        await Journeys.SignInAsStaffAsync(login.Page, AdminEmail, AdminPassword);
        await login.Page.WaitForPageAsync("**/admin/invitations");
        // Signing in speaks the admin account's language; the toggle makes it the one this test wants.
        await new PortalFrame(login.Page).SwitchLanguageToAsync(language);
        return new InvitationsAdminPage(login.Page);
    }

    /// <summary>Sends an invitation to <paramref name="patient"/> (in the patient's language); the card number is optional.</summary>
    public async Task InviteAsync(Patient patient, string? healthCardNumber = null)
    {
        await Page.GetByTestId("email").FillAsync(patient.Email);
        await Page.GetByTestId("first-name").FillAsync(patient.FirstName);
        await Page.GetByTestId("last-name").FillAsync(patient.LastName);
        await Page.GetByTestId("date-of-birth").FillAsync(patient.DateOfBirthIso);
        if (healthCardNumber is not null)
        {
            await Page.GetByTestId("hin").FillAsync(healthCardNumber);
        }

        await Page.GetByTestId("patient-id").FillAsync("E2E-" + Guid.NewGuid().ToString("N")[..8]);
        await Page.GetByTestId("language").SelectOptionAsync(patient.Language);
        await Page.GetByTestId("invite").ClickAsync();
        await Expect(Sent).ToBeVisibleAsync();
    }

    public async Task<string> ClinicCodeAsync() => (await ClinicCode.InnerTextAsync()).Trim();

    public ILocator Row(string email) => Page.GetByTestId("invitation-row").Filter(new() { Has = Page.GetByTestId("invitation-email").GetByText(email, new() { Exact = true }) });

    public ILocator State(string email) => Row(email).GetByTestId("invitation-state");

    public async Task ReloadAsync() => await Page.GotoAsync("/admin/invitations");

    public async Task ResendAsync(string email)
    {
        await Row(email).GetByTestId("resend").ClickAsync();
        await Expect(Sent).ToBeVisibleAsync();
    }
}
