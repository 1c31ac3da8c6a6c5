using Microsoft.Extensions.Options;
using PatientPortal.Modules.Accounts.Security;

namespace PatientPortal.Modules.Accounts.Tests.Security;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(Options.Create(new AccountsOptions()));

    [Theory]
    [InlineData("Vert-Lac-2026!x")]
    [InlineData("Abcdef1!")]
    [InlineData("Un long mot de passe avec des espaces 9!")]
    [InlineData("Émilie-Québec-2026!")]
    [InlineData("Sunny🌞Day-2026")]
    public void Passwords_that_follow_the_guide_s_rule_are_accepted(string password) => Policy.Problems(password).ShouldBeEmpty();

    [Theory]
    [InlineData("Abcde1!", "Accounts.PasswordTooShort")]
    [InlineData("abcdefg1!", "Accounts.PasswordNeedsUppercase")]
    [InlineData("ABCDEFG1!", "Accounts.PasswordNeedsLowercase")]
    [InlineData("Abcdefgh!", "Accounts.PasswordNeedsDigit")]
    [InlineData("Abcdefgh1", "Accounts.PasswordNeedsSpecial")]
    [InlineData("Password1!", "Accounts.PasswordTooCommon")]
    [InlineData("P@ssw0rd1", "Accounts.PasswordTooCommon")]
    [InlineData("Summer2024!", "Accounts.PasswordTooCommon")]
    [InlineData("Qwerty123!", "Accounts.PasswordTooCommon")]
    public void Each_broken_part_of_the_rule_has_its_own_message(string password, string problem) => Policy.Problems(password).ShouldContain(problem);

    [Fact]
    public void Long_passphrases_are_welcome_up_to_128_characters_and_never_truncated()
    {
        Policy.Problems("Aa1!" + new string('x', 124)).ShouldBeEmpty();
        Policy.Problems("Aa1!" + new string('x', 125)).ShouldBe(["Accounts.PasswordTooLong"]);
    }
}
