namespace PatientPortal.E2E.Pages;

/// <summary>/forgot-password (Pages/Account/ForgotPassword.cshtml).</summary>
internal sealed class ForgotPasswordPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Sent => Page.GetByTestId("reset-sent");

    public async Task RequestAsync(string email)
    {
        await Page.GetByTestId("email").FillAsync(email);
        await Page.GetByTestId("reset-password").ClickAsync();
        await Expect(Sent).ToBeVisibleAsync();
    }
}
