namespace PatientPortal.Modules.Accounts.Domain;

internal enum TokenPurpose
{
    /// <summary>Emailed at registration: activating also takes the password chosen then.</summary>
    Activation,

    /// <summary>Handed to the browser that just accepted an invitation and chose the password: activating takes the terms only.</summary>
    InvitationAccepted,
    PasswordReset,
    EmailChange,
}

/// <summary>
/// A single-use secret sent by email. Only its SHA-256 hash is stored; it dies when used, when it expires, or when the
/// account's security stamp changes. An email change also carries a 6-digit code (hashed) sent to the old address.
/// </summary>
internal sealed class AccountToken
{
    private AccountToken() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public TokenPurpose Purpose { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid SecurityStamp { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset ExpiresUtc { get; private set; }
    public DateTimeOffset? UsedUtc { get; private set; }
    public string? NewEmail { get; private set; }
    public string? CodeHash { get; private set; }
    public int FailedAttempts { get; private set; }

    public static AccountToken Issue(Account account, TokenPurpose purpose, string tokenHash, TimeSpan lifetime, DateTimeOffset now, string? newEmail = null, string? codeHash = null) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = account.Id,
        Purpose = purpose,
        TokenHash = tokenHash,
        SecurityStamp = account.SecurityStamp,
        CreatedUtc = now,
        ExpiresUtc = now + lifetime,
        NewEmail = newEmail,
        CodeHash = codeHash,
    };

    public bool IsUsable(Account account, DateTimeOffset now) =>
        UsedUtc is null && now < ExpiresUtc && account.SecurityStamp == SecurityStamp;

    public void Use(DateTimeOffset now) => UsedUtc = now;

    /// <summary>A link allows this many wrong answers (email, code or PIN) before it is spent (see <see cref="LinkAnswers"/>).</summary>
    public const int MaxWrongAnswers = 5;
}
