using OtpNet;

namespace PatientPortal.Modules.Accounts.Tests.TestData;

/// <summary>Sets up an authenticator app the way a phone would: it reads the typed key and computes codes at the test clock's time.</summary>
internal static class SecondFactorSteps
{
    public sealed record App(string Key, IReadOnlyList<string> RecoveryCodes);

    /// <summary>The code the app shows now, or <paramref name="steps"/> periods of 30 s later (negative: earlier).</summary>
    public static string Code(this AccountsHarness accounts, App app, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(app.Key)).ComputeTotp(accounts.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    /// <summary>Signs in as the session's account and turns on the authenticator app with a code from it.</summary>
    public static async Task<App> SetUpAuthenticatorAsync(this AccountsHarness accounts, SignedIn session)
    {
        accounts.Current.SignedInAs(session.AccountId, session.Role);
        var setUp = await accounts.SendAsync(new StartAuthenticatorSetUp(session.SessionId));
        setUp.IsSuccess.ShouldBeTrueWith("authenticator set-up");
        var key = setUp.Value.Key.Replace(" ", "", StringComparison.Ordinal);
        var turnedOn = await accounts.SendAsync(new ConfirmAuthenticator(session.SessionId, Code(accounts, new App(key, [])), Builders.Password));
        turnedOn.IsSuccess.ShouldBeTrueWith("authenticator confirmation");
        accounts.Current.AccountId = null;
        // The next code comes from the next 30 s: the one that confirmed the key is spent.
        accounts.Clock.Advance(TimeSpan.FromSeconds(30));
        return new App(key, turnedOn.Value.RecoveryCodes);
    }

    /// <summary>The password step of a sign-in that must go on to a second factor: its challenge token.</summary>
    public static async Task<string> PasswordStepAsync(this AccountsHarness accounts, string email, string password = Builders.Password)
    {
        var result = await accounts.SendAsync(new SignIn(email, password, "tests"));
        result.IsSuccess.ShouldBeTrueWith("password step");
        result.Value.SessionId.ShouldBe(Guid.Empty);
        return result.Value.SecondFactorRequired.ShouldNotBeNull().ChallengeToken;
    }

    /// <summary>An admin adds a staff member, who chooses a password from the welcome link and signs in (password only).</summary>
    public static async Task<SignedIn> StaffMemberAsync(this AccountsHarness accounts, string email, string role = Roles.Staff)
    {
        accounts.Current.SignedInAs(Guid.NewGuid(), Roles.Admin);
        (await accounts.SendAsync(new CreateStaffAccount(email, "Julie", "Gagnon", role, "fr"))).IsSuccess.ShouldBeTrueWith("staff account");
        accounts.Current.AccountId = null;
        var token = await accounts.TokenMailedToAsync(email);
        (await accounts.SendAsync(new ResetPassword(token, email, Builders.Password, Builders.Password, null))).IsSuccess.ShouldBeTrueWith("staff password");
        var signedIn = await accounts.SendAsync(new SignIn(email, Builders.Password, "tests"));
        signedIn.IsSuccess.ShouldBeTrueWith("staff sign-in");
        return signedIn.Value;
    }
}
