namespace PatientPortal.E2E.Pages;

/// <summary>/confirm-email?token= (Pages/Account/ConfirmEmail.cshtml), opened from the new address: new email + the code sent to the old one.</summary>
internal sealed class ConfirmEmailPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Changed => Page.GetByTestId("email-changed");

    public async Task ConfirmAsync(string newEmail, string code)
    {
        await Page.GetByTestId("email").FillAsync(newEmail);
        await Page.GetByTestId("code").FillAsync(code);
        await Page.GetByTestId("submit").ClickAsync();
        await Expect(Changed).ToBeVisibleAsync();
    }

    public async Task<DashboardPage> BackToPortalAsync()
    {
        await Page.GetByTestId("go-portal").ClickAsync();
        var dashboard = new DashboardPage(Page);
        await dashboard.WaitAsync();
        return dashboard;
    }
}
