namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// The password step passed and a second factor is on: the browser keeps <see cref="ChallengeToken"/> (a random secret,
/// single use, <see cref="ExpiresUtc"/>) in a cookie, and the code step sends it back. Nothing is signed in yet.
/// <see cref="CanTrustBrowser"/> is false for staff, who give their code at every sign-in.
/// </summary>
public sealed record SecondFactorRequired(string ChallengeToken, string Method, DateTimeOffset ExpiresUtc, bool CanTrustBrowser);

/// <summary>The second factors an account may use (staff and admins: the authenticator app only).</summary>
public static class SecondFactorMethods
{
    public const string Authenticator = "Authenticator";
    public const string Email = "Email";
}
