using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// Changing the password over HTTP: the browser that changed it stays signed in (its session id goes with the
/// request) and the others are signed out; antiforgery (security checklist A11, C17). The rules are the module's
/// (Modules.Accounts.Tests: ChangePasswordTests).
/// </summary>
public sealed class ChangePasswordTests
{
    [Fact]
    public async Task A_password_change_in_one_browser_signs_out_the_others_and_keeps_this_one()
    {
        await using var portal = await StartAsync();
        var browserA = Browser(portal);
        var browserB = Browser(portal);
        await browserA.SignInAsDemoPatientInEnglishAsync();
        await browserB.SignInAsDemoPatientAsync();

        var response = await browserA.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = PortalClient.DemoPatientPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        (await Page.ParseAsync(response)).Text("password-changed").ShouldNotBeEmpty();
        (await browserA.IsSignedInAsync()).ShouldBeTrue();
        (await browserB.IsSignedInAsync()).ShouldBeFalse();
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeFalse();
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, NewPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task Changing_the_password_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientAsync();

        var response = await client.PostWithoutTokenAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = PortalClient.DemoPatientPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, NewPassword)).ShouldBeFalse();
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeTrue();
        (await client.IsSignedInAsync()).ShouldBeTrue();
    }
}
