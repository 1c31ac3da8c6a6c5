using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Security.SecurityPortal;

namespace PatientPortal.Host.Tests.Security;

/// <summary>
/// A1. The clinic's policy (8+ characters, a lowercase, an uppercase, a number, a special character, no well-known
/// breached password) is enforced by the server at register, change and reset; long and Unicode passwords are accepted
/// and checked whole, never truncated.
/// </summary>
public sealed class PasswordPolicyTests
{
    /// <summary>Each password breaks one rule; the answer names it.</summary>
    public static TheoryData<string, string> RefusedPasswords => new()
    {
        { "Kx7#mPq", "8 characters or more" },
        { "kx7#mpq2", "uppercase" },
        { "KX7#MPQ2", "lowercase" },
        { "Kxz#mPqw", "number" },
        { "Kx7zmPq2", "special character" },
        { "Password1!", "too common" },
        { "P@ssw0rd1", "too common" },
        { "Summer2024!", "too common" },
        { "Kx7#mPq2" + new string('a', 121), "128 characters or fewer" },
    };

    /// <summary>8 characters exactly, 64 and 128 characters, and a passphrase with spaces and emoji.</summary>
    public static TheoryData<string> AcceptedPasswords => new()
    {
        "Kx7#mPq2",
        LongPassword(64),
        LongPassword(128),
        "correct horse 🐎 battery Staple 9 🦫 érable",
    };

    [Theory]
    [MemberData(nameof(RefusedPasswords))]
    public async Task Register_refuses_a_password_that_breaks_the_policy(string password, string message)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var response = await client.PostFormAsync("/register", Registration("new.patient@example.com", password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain(message);
        (await MailsAfterTheJobRanAsync(portal, "new.patient@example.com")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RefusedPasswords))]
    public async Task Change_password_refuses_a_password_that_breaks_the_policy(string password, string message)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        var response = await client.PostFormAsync("/account/password", ChangePassword(PortalClient.DemoPatientPassword, password));

        (await ErrorsAsync(response)).ShouldContain(message);
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, password)).ShouldBeFalse();
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(RefusedPasswords))]
    public async Task Reset_password_refuses_a_password_that_breaks_the_policy(string password, string message)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        var link = await ResetLinkAsync(client, PortalClient.DemoPatientEmail);

        var response = await client.PostFormAsync(link, Reset(PortalClient.DemoPatientEmail, password));

        (await ErrorsAsync(response)).ShouldContain(message);
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, password)).ShouldBeFalse();
        (await CanSignInAsync(portal, PortalClient.DemoPatientEmail, PortalClient.DemoPatientPassword)).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(AcceptedPasswords))]
    public async Task Register_accepts_long_and_unicode_passwords_and_checks_them_whole(string password)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        await client.RegisterAndActivateAsync(portal, "new.patient@example.com", password);

        await ShouldWorkWholeAndOnlyWholeAsync(portal, "new.patient@example.com", password);
    }

    [Theory]
    [MemberData(nameof(AcceptedPasswords))]
    public async Task Change_password_accepts_long_and_unicode_passwords_and_checks_them_whole(string password)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        await client.SignInAsDemoPatientInEnglishAsync();

        var response = await client.PostFormAsync("/account/password", ChangePassword(PortalClient.DemoPatientPassword, password));

        (await Page.ParseAsync(response)).Text("password-changed").ShouldNotBeEmpty();
        await ShouldWorkWholeAndOnlyWholeAsync(portal, PortalClient.DemoPatientEmail, password);
    }

    [Theory]
    [MemberData(nameof(AcceptedPasswords))]
    public async Task Reset_password_accepts_long_and_unicode_passwords_and_checks_them_whole(string password)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        var link = await ResetLinkAsync(client, PortalClient.DemoPatientEmail);

        var response = await client.PostFormAsync(link, Reset(PortalClient.DemoPatientEmail, password));

        (await Page.ParseAsync(response)).Text("reset-done").ShouldNotBeEmpty();
        await ShouldWorkWholeAndOnlyWholeAsync(portal, PortalClient.DemoPatientEmail, password);
    }

    [Theory]
    [InlineData("/register", "password")]
    [InlineData("/account/password", "new-password")]
    public async Task The_password_fields_let_a_password_manager_paste_up_to_128_characters(string url, string field)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);
        if (url != "/register")
        {
            await client.SignInAsDemoPatientInEnglishAsync();
        }

        var input = (await client.GetAsync(url)).Document.QuerySelector($"[data-testid='{field}']")!;

        input.GetAttribute("maxlength").ShouldBe("128");
        input.GetAttribute("autocomplete").ShouldBe("new-password");
        foreach (var blocker in new[] { "onpaste", "oncopy", "ondrop" })
        {
            input.HasAttribute(blocker).ShouldBeFalse();
        }
    }

    /// <summary>The whole password signs in; shorter prefixes (where a system that truncates would cut) do not.</summary>
    private static async Task ShouldWorkWholeAndOnlyWholeAsync(PortalFactory portal, string email, string password)
    {
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(password);
        foreach (var length in new[] { 8, 64, 72, letters.Length - 1 }.Where(l => l < letters.Length).Distinct())
        {
            var prefix = password[..letters[length]];
            (await CanSignInAsync(portal, email, prefix)).ShouldBeFalse($"the first {length} characters signed in");
        }

        (await CanSignInAsync(portal, email, password)).ShouldBeTrue("the whole password did not sign in");
    }

    private static string LongPassword(int length)
    {
        const string words = "Quatre-Saisons du Mont-Royal 2026! ";
        return string.Concat(Enumerable.Repeat(words, length / words.Length + 1))[..length];
    }

    private static Dictionary<string, string> ChangePassword(string old, string password) => new()
    {
        ["Input.OldPassword"] = old,
        ["Input.NewPassword"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static Dictionary<string, string> Reset(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    private static async Task<string> ResetLinkAsync(PortalClient client, string email)
    {
        await client.PostFormAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        return PortalClient.LinkIn(await client.MailToAsync(email));
    }
}
