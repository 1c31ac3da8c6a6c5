namespace PatientPortal.E2E.Pages;

/// <summary>/account/two-step/authenticator (Pages/Credentials/SetUpAuthenticator.cshtml): QR code, typed key, confirming code.</summary>
internal sealed class SetUpAuthenticatorPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator QrCode => Page.GetByTestId("qr-code");

    public ILocator Key => Page.GetByTestId("authenticator-key");

    public ILocator StaffMustSetUp => Page.GetByTestId("staff-must-set-up");

    public ILocator RecoveryCodes => Page.GetByTestId("recovery-code");

    /// <summary>Adds the typed key to the "phone", confirms with its code and the password, and returns the recovery codes shown once.</summary>
    public async Task<IReadOnlyList<string>> SetUpAsync(string email, string password)
    {
        await Expect(QrCode).ToBeVisibleAsync();
        var app = AuthenticatorApp.Add(Page, email, await Key.InnerTextAsync());
        await Page.GetByTestId("code").FillAsync(await app.NextCodeAsync());
        await Page.GetByTestId("password").FillAsync(password);
        await Page.GetByTestId("confirm").ClickAsync();
        await Expect(Page.GetByTestId("authenticator-on")).ToBeVisibleAsync();
        return [.. (await RecoveryCodes.AllInnerTextsAsync()).Select(c => c.Trim())];
    }

    /// <summary>Leaves the page for where the set-up was asked from (the admin page, for staff).</summary>
    public Task ContinueAsync() => Page.GetByTestId("continue").ClickAndWaitForNextPageAsync();
}
