using System.Text.RegularExpressions;

namespace PatientPortal.E2E.Pages;

/// <summary>/login (Pages/Account/Login.cshtml): where anonymous visitors land, and the way to the other public pages.</summary>
internal sealed partial class LoginPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Errors => Page.GetByTestId("form-errors");

    public static async Task<LoginPage> OpenAsync(IBrowserContext browser, string path = "/login")
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        return new LoginPage(page);
    }

    /// <summary>Types the credentials and presses Login; the test checks where that led.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Page.GetByTestId("email").FillAsync(email);
        await Page.GetByTestId("password").FillAsync(password);
        await Page.GetByTestId("login").ClickAndWaitForNextPageAsync();
    }

    /// <summary>Signs in and waits until the portal has let the browser past the login page.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        await Expect(Page).Not.ToHaveURLAsync(LoginUrl());
        await Page.WaitUntilLoadedAsync();
    }

    public async Task<RegisterPage> CreateAccountAsync()
    {
        await Page.GetByTestId("create-account").ClickAsync();
        await Page.WaitForPageAsync("**/register");
        return new RegisterPage(Page);
    }

    public async Task<ForgotPasswordPage> ForgotPasswordAsync()
    {
        await Page.GetByTestId("forgot-password").ClickAsync();
        await Page.WaitForPageAsync("**/forgot-password");
        return new ForgotPasswordPage(Page);
    }

    [GeneratedRegex("/login")]
    public static partial Regex LoginUrl();
}
