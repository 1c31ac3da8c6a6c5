namespace PatientPortal.E2E.Pages;

/// <summary>/login/code (Pages/Account/SignInCode.cshtml): the second step of a sign-in with two-step verification on.</summary>
internal sealed class SignInCodePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Errors => Page.GetByTestId("form-errors");

    public ILocator TrustBrowser => Page.GetByTestId("trust-browser");

    public Task WaitAsync() => Page.WaitForPageAsync("**/login/code**");

    public async Task EnterAsync(string code, bool trustThisBrowser = false)
    {
        await Page.GetByTestId("code").FillAsync(code);
        if (trustThisBrowser)
        {
            await TrustBrowser.CheckAsync();
        }

        await Page.GetByTestId("verify").ClickAndWaitForNextPageAsync();
    }
}
