namespace PatientPortal.E2E.Pages;

/// <summary>/activate?token= (Pages/Account/Activate.cshtml): the Terms and Conditions; accepting activates and signs in.</summary>
internal sealed class TermsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator AcceptButton => Page.GetByTestId("accept-terms");

    public async Task<DashboardPage> AcceptAsync()
    {
        await AcceptButton.ClickAsync();
        var dashboard = new DashboardPage(Page);
        await dashboard.WaitAsync();
        return dashboard;
    }
}
