namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// The password was right and a second factor is on: not a session, not signed in. The browser holds a random token
/// (only its hash is here); it works once, for a few minutes, for a few wrong codes, and dies with the security stamp.
/// With the email factor it also holds the hash of the code that was emailed.
/// </summary>
internal sealed class SignInChallenge
{
    private SignInChallenge() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid SecurityStamp { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset ExpiresUtc { get; private set; }
    public DateTimeOffset? UsedUtc { get; private set; }
    public int FailedAttempts { get; private set; }
    public string? EmailCodeHash { get; private set; }
    public int Version { get; private set; }

    /// <summary>Ten minutes: long enough to read an emailed code, no longer (ASVS 6.5.5: out-of-band codes ≤ 10 min).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static SignInChallenge Start(Account account, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = account.Id,
        TokenHash = tokenHash,
        SecurityStamp = account.SecurityStamp,
        CreatedUtc = now,
        ExpiresUtc = now + Lifetime,
    };

    public void SetEmailCode(string codeHash) => EmailCodeHash = codeHash;

    public bool IsUsable(Account account, DateTimeOffset now) =>
        UsedUtc is null && now < ExpiresUtc && account.SecurityStamp == SecurityStamp && FailedAttempts < SecondFactor.MaxWrongCodes;

    public void Use(DateTimeOffset now)
    {
        UsedUtc = now;
        Version++;
    }

    /// <returns>True when the challenge is now spent (the patient starts again from the password).</returns>
    public bool RecordWrongCode(DateTimeOffset now)
    {
        FailedAttempts++;
        Version++;
        if (FailedAttempts < SecondFactor.MaxWrongCodes)
        {
            return false;
        }

        UsedUtc = now;
        return true;
    }
}
