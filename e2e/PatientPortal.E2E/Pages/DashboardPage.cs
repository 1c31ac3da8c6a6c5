namespace PatientPortal.E2E.Pages;

/// <summary>/ (Pages/Index.cshtml) inside the signed-in frame: the sign-in details and their edit links.</summary>
internal sealed class DashboardPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator SignInEmail => Page.GetByTestId("signin-email");

    public ILocator ProfileName => Page.GetByTestId("profile-name");

    public ILocator PendingEmail => Page.GetByTestId("pending-email");

    public static async Task<DashboardPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        var dashboard = new DashboardPage(page);
        await dashboard.WaitAsync();
        return dashboard;
    }

    /// <summary>The dashboard is up once it shows the sign-in email (the credential pages share its title).</summary>
    public Task WaitAsync() => Expect(SignInEmail).ToBeVisibleAsync();

    public async Task<ChangeEmailPage> EditEmailAsync()
    {
        await Page.GetByTestId("edit-email").ClickAsync();
        await Page.WaitForPageAsync("**/account/email");
        return new ChangeEmailPage(Page);
    }

    public async Task<ChangePasswordPage> EditPasswordAsync()
    {
        await Page.GetByTestId("edit-password").ClickAsync();
        await Page.WaitForPageAsync("**/account/password");
        return new ChangePasswordPage(Page);
    }

    public async Task<LoginPage> LogoutAsync()
    {
        await Page.GetByTestId("logout").ClickAsync();
        await Page.WaitForPageAsync("**/login");
        return new LoginPage(Page);
    }
}
