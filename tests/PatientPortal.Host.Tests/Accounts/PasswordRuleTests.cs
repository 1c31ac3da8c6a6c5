using System.Net;
using PatientPortal.Testing;
using Shouldly;
using static PatientPortal.Host.Tests.Accounts.AccountsPortal;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// The password rule on the pages: each broken part explained in the visitor's language, a Unicode passphrase posted
/// from a form, and fields that follow the configured rule and let password managers paste (security checklist A1).
/// That every request that sets a password applies the rule, and keeps it whole, is the module's
/// (Modules.Accounts.Tests: PasswordRuleTests, Security/PasswordPolicyTests).
/// </summary>
public sealed class PasswordRuleTests
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

    [Theory]
    [MemberData(nameof(RefusedPasswords))]
    public async Task Each_broken_part_of_the_rule_is_explained_in_the_visitor_s_language(string password, string message)
    {
        await using var portal = await StartAsync();
        var client = Browser(portal);

        var response = await client.PostFormAsync("/register", Registration("new.patient@example.com", password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(response)).ShouldContain(message);
        (await MailsAfterTheJobRanAsync(portal, "new.patient@example.com")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("en-CA", "The password must have 12 characters or more.", "The password must have 64 characters or fewer.")]
    [InlineData("fr-CA", "Le mot de passe doit avoir 12 caractères ou plus.", "Le mot de passe doit avoir 64 caractères ou moins.")]
    public async Task The_length_messages_state_the_clinic_s_configured_limits_in_the_visitor_s_language(string language, string tooShort, string tooLong)
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["Accounts:Password:MinimumLength"] = "12",
            ["Accounts:Password:MaximumLength"] = "64",
        });
        var client = Browser(portal, language);

        var shortOne = await client.PostFormAsync("/register", Registration("new.patient@example.com", "Kx7#mPq2-Lu"));
        var longOne = await client.PostFormAsync("/register", Registration("new.patient@example.com", "Kx7#mPq2" + new string('a', 57)));

        (await ErrorsAsync(shortOne)).ShouldContain(tooShort);
        (await ErrorsAsync(longOne)).ShouldContain(tooLong);
    }

    [Fact]
    public async Task A_unicode_passphrase_posted_from_the_register_form_signs_in_whole()
    {
        const string password = "correct horse 🐎 battery Staple 9 🦫 érable";
        await using var portal = await StartAsync();
        var client = Browser(portal);

        await client.RegisterAndActivateAsync(portal, "new.patient@example.com", password);

        (await CanSignInAsync(portal, "new.patient@example.com", password)).ShouldBeTrue();
        (await CanSignInAsync(portal, "new.patient@example.com", password[..^2])).ShouldBeFalse();
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

    [Fact]
    public async Task The_password_fields_and_their_hint_follow_the_configured_rule()
    {
        await using var portal = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["Accounts:Password:MinimumLength"] = "12",
            ["Accounts:Password:RequireSpecialCharacter"] = "false",
        });
        var client = Browser(portal);

        var page = await client.GetAsync("/register");

        var input = page.Document.QuerySelector("[data-testid='password']")!;
        input.GetAttribute("minlength").ShouldBe("12");
        input.GetAttribute("maxlength").ShouldBe("128");
        input.GetAttribute("pattern").ShouldBe("(?=.*\\p{Ll})(?=.*\\p{Lu})(?=.*\\p{Nd}).{12,}");
        input.HasAttribute("password-rule").ShouldBeFalse();
        page.Document.QuerySelector("#password-rule")!.TextContent.ShouldStartWith("The password must have 12 characters or more");
    }
}
