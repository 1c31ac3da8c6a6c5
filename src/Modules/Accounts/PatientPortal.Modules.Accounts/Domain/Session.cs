namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// A signed-in browser. The cookie only names it: logging out, an idle timeout, the absolute lifetime or a password
/// change ends it here, and the cookie stops working at once.
/// </summary>
internal sealed class Session
{
    private Session() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset LastSeenUtc { get; private set; }
    public DateTimeOffset? EndedUtc { get; private set; }
    public string? UserAgent { get; private set; }

    /// <summary>A second factor was passed in this session: what the admin area asks for (the cookie's claim is checked against it).</summary>
    public bool SecondFactorPassed { get; private set; }

    public static Session Start(Guid accountId, string? userAgent, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = accountId,
        CreatedUtc = now,
        LastSeenUtc = now,
        UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
    };

    public bool IsAlive(TimeSpan idleTimeout, TimeSpan absoluteLifetime, DateTimeOffset now) =>
        IsAlive(CreatedUtc, LastSeenUtc, EndedUtc, idleTimeout, absoluteLifetime, now);

    /// <summary>The same rule for a session read as its columns (the per-request check reads no whole entity).</summary>
    public static bool IsAlive(DateTimeOffset createdUtc, DateTimeOffset lastSeenUtc, DateTimeOffset? endedUtc, TimeSpan idleTimeout, TimeSpan absoluteLifetime, DateTimeOffset now) =>
        endedUtc is null && now - lastSeenUtc < idleTimeout && now - createdUtc < absoluteLifetime;

    public void End(DateTimeOffset now) => EndedUtc ??= now;

    public void PassSecondFactor() => SecondFactorPassed = true;
}
