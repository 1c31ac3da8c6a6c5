namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>What the host is told about a session it may put in its cookie (sign-in, activation, every request's check).</summary>
internal static class SessionResult
{
    public static SignedIn For(Account account, Session session) =>
        new(account.Id, session.Id, account.Email, account.DisplayName, account.Role, account.Language) { SecondFactorPassed = session.SecondFactorPassed };
}
