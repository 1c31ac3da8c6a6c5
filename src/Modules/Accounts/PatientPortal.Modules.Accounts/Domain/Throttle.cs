namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// A counter of events against one email address within a window; at a limit it blocks for a while, each block twice
/// as long as the one before. Sign-in failures are counted per source and for all sources (see
/// <see cref="SignInGuard"/>), mail per recipient (see <see cref="AccountMail"/>). Only a keyed hash of the address is stored,
/// and rows exist for unknown addresses too, so counting costs the same whether or not an account exists.
/// </summary>
internal sealed class Throttle
{
    /// <summary>The <see cref="Counter"/> of sign-in failures from every source together.</summary>
    public const string AllSources = "*";

    /// <summary>The <see cref="Counter"/> of unsolicited mail to the address from all sources (one source's: <see cref="MailFrom"/>).</summary>
    public const string Mail = "mail";

    /// <summary>The <see cref="Counter"/> of wrong codes typed by a signed-in owner (second factor, email change), from every source.</summary>
    public const string SecondFactorCodes = "codes";

    /// <summary>The <see cref="Counter"/> of failures from all the known devices of an address together (see <see cref="Device"/>).</summary>
    public const string KnownDevices = "devices";

    /// <summary>The <see cref="Counter"/> of wrong answers on emailed links (activation password, recovery PIN), from every source.</summary>
    public const string LinkAnswers = "answers";

    private const string DevicePrefix = "d:";

    /// <summary>Starts the <see cref="Counter"/> of unsolicited mail asked from one source.</summary>
    public const string MailFromPrefix = "m:";

    // A day without events forgives the earlier blocks: the next one starts short again.
    private static readonly TimeSpan Forgiven = TimeSpan.FromDays(1);

    private Throttle() { }

    /// <summary>The hash of the address's key.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>What is counted: <see cref="AllSources"/>, <see cref="Mail"/>, or the hash of one source.</summary>
    public string Counter { get; private set; } = "";
    public int Count { get; private set; }
    public DateTimeOffset WindowStartUtc { get; private set; }
    public DateTimeOffset LastEventUtc { get; private set; }
    public DateTimeOffset? BlockedUntilUtc { get; private set; }

    /// <summary>How many times it was blocked lately: each block lasts twice as long as the one before.</summary>
    public int Blocks { get; private set; }

    /// <summary>Optimistic concurrency: parallel events each count.</summary>
    public int Version { get; private set; }

    /// <summary>How an address is stored: keyed-hashed, so a copy of the database does not tell who was tried.</summary>
    public static string SubjectOf(Pepper pepper, string emailKey) => pepper.Hash("throttle-subject:" + emailKey);

    /// <summary>How a source (a client's network) is stored and compared: keyed-hashed.</summary>
    public static string SourceKey(Pepper pepper, string source) => pepper.Hash("throttle-source:" + source);

    /// <summary>The <see cref="Counter"/> of unsolicited mail asked from one source (a <see cref="SourceKey"/>).</summary>
    public static string MailFrom(string sourceKey) => MailFromPrefix + sourceKey[..62];

    /// <summary>The <see cref="Counter"/> of a browser that signed in to the address before (see <see cref="KnownDevices"/>).</summary>
    public static string Device(Pepper pepper, string deviceId) => DevicePrefix + pepper.Hash("throttle-device:" + deviceId)[..62];

    public bool CountsMail => Counter == Mail || Counter.StartsWith(MailFromPrefix, StringComparison.Ordinal);

    public static Throttle Start(string subject, string counter, DateTimeOffset now) => new()
    {
        Subject = subject,
        Counter = counter,
        WindowStartUtc = now,
        LastEventUtc = now,
    };

    public bool IsBlocked(DateTimeOffset now) => BlockedUntilUtc > now;

    /// <summary>
    /// Refuses the next event: blocked, or <paramref name="limit"/> events already counted in the current window
    /// (some may still be in flight: counted before their secret was checked, see <see cref="SignInGuard"/>).
    /// </summary>
    public bool IsFull(int limit, TimeSpan window, DateTimeOffset now) =>
        IsBlocked(now) || (BlockedUntilUtc is null && Count >= limit && now - WindowStartUtc < window);

    /// <summary>Counts one event (the caller checked <see cref="IsFull"/>); a past block or window starts a new count.</summary>
    public void Add(TimeSpan window, DateTimeOffset now)
    {
        if (now - LastEventUtc >= Forgiven)
        {
            Blocks = 0;
        }

        if (BlockedUntilUtc <= now || now - WindowStartUtc >= window)
        {
            (Count, WindowStartUtc, BlockedUntilUtc) = (0, now, null);
        }

        LastEventUtc = now;
        Count++;
        Version++;
    }

    /// <summary>How long the next block lasts: <paramref name="firstBlock"/> doubled by each recent one, at most <paramref name="longestBlock"/>.</summary>
    public TimeSpan NextBlock(TimeSpan firstBlock, TimeSpan longestBlock)
    {
        var block = firstBlock * Math.Pow(2, Math.Min(Blocks, 20));
        return block < longestBlock ? block : longestBlock;
    }
}
