namespace PatientPortal.E2E.Pages;

/// <summary>/reset-password?token= (Pages/Account/ResetPassword.cshtml), opened from the "Reset Your Password" email.</summary>
internal sealed class ResetPasswordPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Done => Page.GetByTestId("reset-done");

    public async Task ResetAsync(string email, string newPassword)
    {
        await Page.GetByTestId("email").FillAsync(email);
        await Page.GetByTestId("password").FillAsync(newPassword);
        await Page.GetByTestId("confirm-password").FillAsync(newPassword);
        await Page.GetByTestId("submit").ClickAsync();
        await Expect(Done).ToBeVisibleAsync();
    }

    public async Task<LoginPage> GoToLoginAsync()
    {
        await Page.GetByTestId("go-login").ClickAsync();
        await Page.WaitForPageAsync("**/login");
        return new LoginPage(Page);
    }
}
