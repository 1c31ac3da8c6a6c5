using PatientPortal.E2E.Pages;

namespace PatientPortal.E2E;

/// <summary>The browser's copy of the password rule keeps Register disabled exactly when the server would refuse.</summary>
[Collection(PortalInChromium.Name)]
public sealed class PasswordRuleInBrowserTests(PortalUnderTest portal)
{
    [Theory]
    [InlineData("abcdefg1!", false)]
    [InlineData("ABCDEFG1!", false)]
    [InlineData("Abcdefgh!", false)]
    [InlineData("Abcdefgh1", false)]
    [InlineData("Abc1!", false)]
    [InlineData("Vert-Lac-2026!x", true)]
    [InlineData("Élève-école9", true)]
    public async Task Register_is_enabled_only_for_a_password_that_follows_the_rule(string password, bool enabled)
    {
        await using var browser = await portal.NewBrowserAsync("fr-CA");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/register");
        var register = new RegisterPage(page);
        await register.FillAsync(Patient.New("fr", "rule"));

        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("confirm-password").FillAsync(password);

        if (enabled)
        {
            await Expect(register.RegisterButton).ToBeEnabledAsync();
        }
        else
        {
            await Expect(register.RegisterButton).ToBeDisabledAsync();
        }
    }
}
