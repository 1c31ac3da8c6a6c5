namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// "Trust this browser for 30 days": the browser keeps a random token in a long-lived cookie, the server keeps its hash.
/// The patient sees and revokes these in the sign-in details; a password change (a new security stamp) ends them all.
/// Staff never get one: their second factor is asked at every sign-in.
/// </summary>
internal sealed class TrustedBrowser
{
    private TrustedBrowser() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid SecurityStamp { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset ExpiresUtc { get; private set; }
    public DateTimeOffset? RevokedUtc { get; private set; }
    public string? UserAgent { get; private set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static TrustedBrowser Trust(Account account, string tokenHash, string? userAgent, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = account.Id,
        TokenHash = tokenHash,
        SecurityStamp = account.SecurityStamp,
        CreatedUtc = now,
        ExpiresUtc = now + Lifetime,
        UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
    };

    public bool IsUsable(Account account, DateTimeOffset now) =>
        RevokedUtc is null && now < ExpiresUtc && account.SecurityStamp == SecurityStamp;

    public void Revoke(DateTimeOffset now) => RevokedUtc ??= now;
}
