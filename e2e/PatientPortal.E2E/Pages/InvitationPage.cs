namespace PatientPortal.E2E.Pages;

/// <summary>
/// /invitation?token= (Pages/Account/Invitation.cshtml), opened from the clinic's invitation email: email, code and a
/// password; in the Quebec variant also a recovery PIN and the privacy policy. Success leads to the terms.
/// </summary>
internal sealed class InvitationPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Errors => Page.GetByTestId("form-errors");

    public ILocator SubmitButton => Page.GetByTestId("submit");

    public ILocator CodeLabel => Page.Locator("label[for=code]");

    /// <summary>Fills the form and presses Submit; the test checks where that led (terms, or an error).</summary>
    public async Task SubmitAsync(string email, string code, string password, string? pin = null)
    {
        await Page.GetByTestId("email").FillAsync(email);
        await Page.GetByTestId("code").FillAsync(code);
        await Page.GetByTestId("password").FillAsync(password);
        await Page.GetByTestId("confirm-password").FillAsync(password);
        if (pin is not null)
        {
            await Page.GetByTestId("pin").FillAsync(pin);
            await Page.GetByTestId("privacy").CheckAsync();
        }

        await SubmitButton.ClickAndWaitForNextPageAsync();
    }

    /// <summary>Submits the right details and waits for the Terms and Conditions.</summary>
    public async Task<TermsPage> AcceptAsync(string email, string code, string password, string? pin = null)
    {
        await SubmitAsync(email, code, password, pin);
        await Page.WaitForPageAsync("**/activate?token=*");
        return new TermsPage(Page);
    }
}
