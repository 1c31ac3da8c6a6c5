using Microsoft.Extensions.DependencyInjection;

namespace PatientPortal.Modules.Accounts.Tests.Features;

/// <summary>
/// The clinic's password rule at every request that sets a password (RegisterAccount, AcceptInvitation, ResetPassword,
/// ChangePassword): the rule's parts are in Security/PasswordPolicyTests; here, that each request applies it, that a
/// passphrase is kept whole, and that the host reads the configured rule through the Contracts.
/// </summary>
public sealed class PasswordRuleTests
{
    private const string Weak = "Password1!";

    [Fact]
    public async Task Every_request_that_sets_a_password_refuses_one_that_breaks_the_rule()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        accounts.Current.SignedInAs(session.AccountId);
        await accounts.ForgotPasswordAsync(email);
        var resetToken = await accounts.TokenMailedToAsync(email);

        (await accounts.SendAsync(Builders.Registration(Builders.Email(), Weak))).ShouldFailWith(AccountErrors.PasswordTooCommon);
        (await accounts.SendAsync(new AcceptInvitation("token", email, "123456", Weak, Weak, null, false))).ShouldFailWith(AccountErrors.PasswordTooCommon);
        (await accounts.SendAsync(new ResetPassword(resetToken, email, Weak, Weak, null))).ShouldFailWith(AccountErrors.PasswordTooCommon);
        (await accounts.SendAsync(new ChangePassword(session.SessionId, Builders.Password, Weak, Weak))).ShouldFailWith(AccountErrors.PasswordTooCommon);
        (await accounts.SendAsync(new SignIn(email, Builders.Password, null))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task The_length_errors_carry_the_configured_limits_for_their_messages()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new()
        {
            ["Accounts:Password:MinimumLength"] = "12",
            ["Accounts:Password:MaximumLength"] = "64",
        });

        var tooShort = await accounts.SendAsync(Builders.Registration(Builders.Email(), "Kx7#mPq2-Lu"));
        var tooLong = await accounts.SendAsync(Builders.Registration(Builders.Email(), "Kx7#mPq2" + new string('a', 57)));

        tooShort.Errors.ShouldContain(new Error(AccountErrors.PasswordTooShort, nameof(RegisterAccount.Password)) { Arguments = ["12"] });
        tooLong.Errors.ShouldContain(new Error(AccountErrors.PasswordTooLong, nameof(RegisterAccount.Password)) { Arguments = ["64"] });
    }

    /// <summary>8 characters exactly, 64 and 128 characters, and a passphrase with spaces and emoji.</summary>
    public static TheoryData<string> LongAndUnicodePasswords => new()
    {
        "Kx7#mPq2",
        LongPassword(64),
        LongPassword(128),
        "correct horse 🐎 battery Staple 9 🦫 érable",
    };

    [Theory]
    [MemberData(nameof(LongAndUnicodePasswords))]
    public async Task Long_and_unicode_passwords_are_accepted_and_checked_whole_never_truncated(string password)
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        var email = Builders.Email();

        await accounts.ActivePatientAsync(email, password);

        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(password);
        foreach (var length in new[] { 8, 64, 72, letters.Length - 1 }.Where(l => l < letters.Length).Distinct())
        {
            (await accounts.SendAsync(new SignIn(email, password[..letters[length]], null))).IsFailure.ShouldBeTrue($"the first {length} characters signed in");
        }

        (await accounts.SendAsync(new SignIn(email, password, null))).IsSuccess.ShouldBeTrue("the whole password did not sign in");
    }

    [Fact]
    public async Task The_host_reads_the_configured_rule_and_session_limits_through_the_contracts()
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new()
        {
            ["Accounts:Password:MinimumLength"] = "12",
            ["Accounts:Password:RequireSpecialCharacter"] = "false",
            ["Accounts:IdleTimeout"] = "00:20:00",
        });

        var rule = accounts.Services.GetRequiredService<PasswordRule>();
        var sessions = accounts.Services.GetRequiredService<SessionLimits>();

        rule.ShouldBe(new PasswordRule { MinimumLength = 12, RequireSpecialCharacter = false });
        sessions.ShouldBe(new SessionLimits(TimeSpan.FromMinutes(20), TimeSpan.FromHours(12)));
        (await accounts.SendAsync(Builders.Registration(Builders.Email(), "Vert-Lac-26"))).ShouldFailWith(AccountErrors.PasswordTooShort);
        (await accounts.SendAsync(Builders.Registration(Builders.Email(), "Vert Lac 2026 x"))).IsSuccess.ShouldBeTrue();
    }

    private static string LongPassword(int length)
    {
        const string words = "Quatre-Saisons du Mont-Royal 2026! ";
        return string.Concat(Enumerable.Repeat(words, length / words.Length + 1))[..length];
    }
}
