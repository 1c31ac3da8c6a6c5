using System.Net;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// Enumeration by timing (security checklist A4), measured alone: the medians are compared against the noise of their
/// own run, and other test classes running on the same two cores at the same time would add noise to one series only.
/// </summary>
[Collection(SameTime.Alone)]
public sealed class SameTimeTests
{
    [Fact]
    public async Task Login_takes_as_long_for_an_unknown_email_as_for_a_wrong_password_within_the_noise()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["Accounts:MaxFailedSignIns"] = "100000",
            ["Accounts:MaxFailedSignInsPerHour"] = "100000",
        });
        var client = Browser(portal);
        var token = await client.TokenAsync();

        await SameTime.ShouldTakeAsLongAsync(
            () => SignInWithWrongPasswordAsync(client, token, PortalClient.DemoPatientEmail),
            () => SignInWithWrongPasswordAsync(client, token, "nobody.here@example.com"),
            () => SignInWithWrongPasswordAsync(client, token, "somebody.else@example.com"),
            rounds: 40);
    }

    /// <summary>
    /// The form used to issue a token, render a mail and commit only for a real account; now it records the request,
    /// the same write for any address, and a job does the rest. Time cannot tell the two apart any more.
    /// </summary>
    [Fact]
    public async Task Forgot_password_takes_as_long_for_an_unknown_email_as_for_an_account_within_the_noise()
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        var token = await client.TokenAsync("/forgot-password");

        await SameTime.ShouldTakeAsLongAsync(
            () => ForgotPasswordAsync(client, token, PortalClient.DemoPatientEmail),
            () => ForgotPasswordAsync(client, token, "nobody.here@example.com"),
            () => ForgotPasswordAsync(client, token, "somebody.else@example.com"),
            rounds: 60);
    }

    private static async Task SignInWithWrongPasswordAsync(PortalClient client, string token, string email)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Wrong-Password-1!",
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.Http.PostAsync("/login", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ForgotPasswordAsync(PortalClient client, string token, string email)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = token });
        (await client.Http.PostAsync("/forgot-password", content)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
