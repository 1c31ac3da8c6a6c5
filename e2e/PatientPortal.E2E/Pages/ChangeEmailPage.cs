namespace PatientPortal.E2E.Pages;

/// <summary>/account/email (Pages/Credentials/ChangeEmail.cshtml): asks for the password and the new address.</summary>
internal sealed class ChangeEmailPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Requested => Page.GetByTestId("email-change-requested");

    public async Task RequestAsync(string password, string newEmail)
    {
        await Page.GetByTestId("password").FillAsync(password);
        await Page.GetByTestId("new-email").FillAsync(newEmail);
        await Page.GetByTestId("confirm-email").FillAsync(newEmail);
        await Page.GetByTestId("save").ClickAsync();
        await Expect(Requested).ToBeVisibleAsync();
    }

    public async Task<DashboardPage> DoneAsync()
    {
        await Page.GetByTestId("done").ClickAsync();
        var dashboard = new DashboardPage(Page);
        await dashboard.WaitAsync();
        return dashboard;
    }
}
