using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientPortal.Modules.Accounts.Security;

namespace PatientPortal.Modules.Accounts.Tests.Security;

/// <summary>Accounts:HashKey: recovery codes are hashed with a key the database does not hold.</summary>
public sealed class PepperTests
{
    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_copy_of_the_database_without_the_hash_key_cannot_check_a_recovery_code(DatabaseProvider provider)
    {
        var key = NewKey();
        await using var accounts = await AccountsHarness.CreateAsync(provider, new() { ["Accounts:HashKey"] = key }, environment: "Production");
        var email = Builders.Email();
        var session = await accounts.ActivePatientAsync(email);
        var app = await accounts.SetUpAuthenticatorAsync(session);

        // Not the unkeyed SHA-256 of what the hash covers: that is what a copy of the database could test guesses against.
        var stored = await accounts.QueryAsync(db => db.RecoveryCodes.AsNoTracking().Select(r => r.CodeHash).ToListAsync());
        var unkeyed = app.RecoveryCodes.Select(c => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            session.AccountId.ToString("N") + ":recovery:" + c.Replace("-", "", StringComparison.Ordinal)))));
        stored.Intersect(unkeyed).ShouldBeEmpty();

        // The same database under another key: the right recovery code no longer matches anything.
        await using (var elsewhere = await accounts.AnotherInstanceAsync(new() { ["Accounts:HashKey"] = NewKey() }, environment: "Production"))
        {
            var challenge = await elsewhere.PasswordStepAsync(email);
            (await elsewhere.SendAsync(new VerifySignInCode(challenge, app.RecoveryCodes[0], false, null))).ShouldFailWith(AccountErrors.SecondFactorCodeWrong);
        }

        // With the key, the same code opens the session.
        await using var restarted = await accounts.AnotherInstanceAsync(new() { ["Accounts:HashKey"] = key }, environment: "Production");
        var verified = await restarted.SendAsync(new VerifySignInCode(await restarted.PasswordStepAsync(email), app.RecoveryCodes[0], false, null));
        verified.IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(Pepper.DevelopmentKey)]
    [InlineData("c2hvcnQta2V5LW9mLTMxLWJ5dGVzLWxvbmctLS0tLQ==")]
    [InlineData("not base64 at all!")]
    public async Task Outside_Development_the_module_refuses_to_start_without_a_strong_key_of_its_own_and_names_the_setting(string? configured)
    {
        await using var accounts = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite, new() { ["Accounts:HashKey"] = configured }, environment: "Production");

        var refused = Should.Throw<OptionsValidationException>(() => accounts.Services.GetRequiredService<IStartupValidator>().Validate());

        refused.Message.ShouldContain("Accounts:HashKey");
        Should.Throw<Exception>(() => accounts.Services.GetRequiredService<Pepper>());
    }

    [Fact]
    public async Task In_Development_the_fixed_development_key_stands_in_for_a_missing_one()
    {
        await using var development = await AccountsHarness.CreateAsync(DatabaseProvider.Sqlite);
        development.Services.GetRequiredService<IStartupValidator>().Validate();

        var withDevelopmentKey = new Pepper(Convert.FromBase64String(Pepper.DevelopmentKey));
        development.Services.GetRequiredService<Pepper>().Hash("x").ShouldBe(withDevelopmentKey.Hash("x"));
        Pepper.KeyFrom(Pepper.DevelopmentKey, development: false).ShouldBeNull();
    }
}
