namespace PatientPortal.E2E.Pages;

/// <summary>
/// /activate?token= (Pages/Account/Activate.cshtml): the Terms and Conditions; accepting activates and signs in. From
/// an emailed activation link it also asks for the password chosen at registration; after an invitation it does not.
/// </summary>
internal sealed class TermsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator AcceptButton => Page.GetByTestId("accept-terms");

    public ILocator Password => Page.GetByTestId("password");

    public async Task<DashboardPage> AcceptAsync(string? password = null)
    {
        if (password is not null)
        {
            await Password.FillAsync(password);
        }

        await AcceptButton.ClickAsync();
        var dashboard = new DashboardPage(Page);
        await dashboard.WaitAsync();
        return dashboard;
    }
}
