namespace PatientPortal.E2E.Pages;

/// <summary>/account/connections (Pages/Connections/Connections.cshtml): Connected Accounts.</summary>
internal sealed class ConnectionsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Done => Page.GetByTestId("connections-done");

    public ILocator Errors => Page.GetByTestId("form-errors");

    public ILocator ConnectionStates => Page.GetByTestId("connection-state");

    /// <summary>The account's recent submissions (by date only: a match and no match look the same).</summary>
    public ILocator Submitted => Page.GetByTestId("submitted-request");

    public ILocator ConsentRequesters => Page.GetByTestId("consent-requester");

    public ILocator ProxyNames => Page.GetByTestId("proxy-name");

    /// <summary>From the dashboard's sign-in details card.</summary>
    public static async Task<ConnectionsPage> OpenFromDashboardAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByTestId("connected-accounts").ClickAsync();
        await page.WaitForPageAsync("**/account/connections");
        return new ConnectionsPage(page);
    }

    public static async Task<ConnectionsPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/connections");
        return new ConnectionsPage(page);
    }

    public async Task ConnectAsync(string firstName, string lastName, string dateOfBirthIso, string card, string relationship = "Parent")
    {
        await Page.GetByTestId("connect-first-name").FillAsync(firstName);
        await Page.GetByTestId("connect-last-name").FillAsync(lastName);
        await Page.GetByTestId("connect-date-of-birth").FillAsync(dateOfBirthIso);
        await Page.GetByTestId("connect-health-card").FillAsync(card);
        await Page.GetByTestId("connect-relationship").SelectOptionAsync(relationship);
        await Page.GetByTestId("connect-submit").ClickAsync();
    }

    public Task ApproveAsync(string requesterName) =>
        Page.GetByTestId("consent-request").Filter(new() { HasText = requesterName }).GetByTestId("consent-approve").ClickAsync();

    public Task DeclineAsync(string requesterName) =>
        Page.GetByTestId("consent-request").Filter(new() { HasText = requesterName }).GetByTestId("consent-decline").ClickAsync();

    public Task RemoveAsync(string proxyName) =>
        Page.GetByTestId("proxy").Filter(new() { HasText = proxyName }).GetByTestId("proxy-remove").ClickAsync();
}
