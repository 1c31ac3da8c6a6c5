namespace PatientPortal.E2E.Pages;

/// <summary>/account/password (Pages/Credentials/ChangePassword.cshtml).</summary>
internal sealed class ChangePasswordPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Changed => Page.GetByTestId("password-changed");

    public async Task ChangeAsync(string oldPassword, string newPassword)
    {
        await Page.GetByTestId("old-password").FillAsync(oldPassword);
        await Page.GetByTestId("new-password").FillAsync(newPassword);
        await Page.GetByTestId("confirm-password").FillAsync(newPassword);
        await Page.GetByTestId("save").ClickAsync();
        await Expect(Changed).ToBeVisibleAsync();
    }

    public async Task<DashboardPage> DoneAsync()
    {
        await Page.GetByTestId("done").ClickAsync();
        var dashboard = new DashboardPage(Page);
        await dashboard.WaitAsync();
        return dashboard;
    }
}
