namespace PatientPortal.E2E.Pages;

/// <summary>/register (Pages/Account/Register.cshtml). Register stays disabled until the form is valid (wwwroot/js/forms.js).</summary>
internal sealed class RegisterPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator RegisterButton => Page.GetByTestId("register");

    public async Task FillAsync(Patient patient)
    {
        await Page.GetByTestId("email").FillAsync(patient.Email);
        await Page.GetByTestId("confirm-email").FillAsync(patient.Email);
        await Page.GetByTestId("password").FillAsync(patient.Password);
        await Page.GetByTestId("confirm-password").FillAsync(patient.Password);
        await Page.GetByTestId("first-name").FillAsync(patient.FirstName);
        await Page.GetByTestId("last-name").FillAsync(patient.LastName);
        await Page.GetByTestId("date-of-birth").FillAsync(patient.DateOfBirthIso);
        await Page.GetByTestId("phone").FillAsync("514 555-0199");
        await Page.GetByTestId("phone-type").SelectOptionAsync("Mobile");
        await Page.GetByTestId("language").SelectOptionAsync(patient.Language);
    }

    /// <summary>Presses Register and waits for "check your email" (/register/sent).</summary>
    public async Task SubmitAsync()
    {
        await RegisterButton.ClickAsync();
        await Page.WaitForPageAsync("**/register/sent");
    }
}
