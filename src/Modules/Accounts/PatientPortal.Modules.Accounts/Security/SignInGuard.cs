namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// The throttle in front of every secret typed for an email address: passwords, codes, and the answers an emailed
/// link asks for. A source (the caller's network, or a <see cref="KnownDevices">known browser</see>) that fails
/// <see cref="AccountsOptions.MaxFailedSignIns"/> times in a row is blocked for <see cref="AccountsOptions.LockoutDuration"/>,
/// twice as long each time after, so it can neither guess for long nor lock the owner out of their own device. All
/// sources together may fail <see cref="AccountsOptions.MaxFailedSignInsPerHour"/> times an hour; then the address is
/// locked for every source but its known browsers, and its owner is told by email. A reset that proves the email
/// forgets it all.
/// <para>
/// Each try is counted as a failure, and saved, BEFORE its secret is checked: a burst of parallel guesses all count,
/// and those past the limit are refused whatever their timing. A right secret takes its count back.
/// </para>
/// </summary>
internal sealed class SignInGuard(
    AccountsDbContext db, ICurrentAccount caller, KnownDevices devices, Pepper pepper, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>
    /// Someone not signed in (sign-in, its code, the resend of an activation): refused when their source is blocked, or
    /// the whole address is, unless <paramref name="knownDevice"/> shows a browser that signed in to
    /// <paramref name="account"/> since its password was last set; such browsers share a daily cap instead.
    /// </summary>
    public Task<Attempt> BeginAsync(string emailKey, Account? account, string? knownDevice, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (account is not null && devices.DeviceOf(knownDevice, account) is { } device)
        {
            return BeginAsync(emailKey,
            [
                new(Throttle.Device(pepper, device), limits.MaxFailedSignIns, Day, Refuses: true),
                new(Throttle.KnownDevices, 2 * limits.MaxFailedSignIns, Day, Refuses: true),
                AllSources(limits, refuses: false),
            ], cancellationToken);
        }

        return BeginAsync(emailKey, [new(Throttle.SourceKey(pepper, caller.Source), limits.MaxFailedSignIns, Day, Refuses: true), AllSources(limits, refuses: true)], cancellationToken);
    }

    /// <summary>
    /// The owner, signed in: only their own source's block refuses them (a lock of the whole address, which anyone can
    /// cause, must not stop them). A code (second factor, or the one an email change sends to the old address) is also
    /// capped per address over a day, whatever the source, so a stolen session cannot guess codes from many networks.
    /// </summary>
    public Task<Attempt> BeginForOwnerAsync(string emailKey, bool secondFactorCode, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        List<Limit> counted =
        [
            new(Throttle.SourceKey(pepper, caller.Source), limits.MaxFailedSignIns, Day, Refuses: true),
            AllSources(limits, refuses: false),
        ];
        if (secondFactorCode)
        {
            counted.Add(new(Throttle.SecondFactorCodes, limits.MaxWrongSecondFactorCodesPerDay, Day, Refuses: true));
        }

        return BeginAsync(emailKey, counted, cancellationToken);
    }

    /// <summary>
    /// An answer asked by an emailed link (the activation password, a recovery PIN): only the mailbox's holder can try,
    /// and the link caps its own tries (<see cref="Domain.LinkAnswers"/>), so neither the address's lock (which anyone
    /// can cause) nor the source's block refuses it. Link after link buys no more guesses, though: wrong answers on all
    /// of an address's links are capped at <see cref="AccountsOptions.MaxWrongLinkAnswersPerDay"/>.
    /// </summary>
    public Task<Attempt> BeginForLinkAsync(string emailKey, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        return BeginAsync(emailKey,
        [
            new(Throttle.SourceKey(pepper, caller.Source), limits.MaxFailedSignIns, Day, Refuses: false),
            AllSources(limits, refuses: false),
            new(Throttle.LinkAnswers, limits.MaxWrongLinkAnswersPerDay, Day, Refuses: true),
        ], cancellationToken);
    }

    /// <summary>Forgets every failure and block of the address (the owner proved the email), at once.</summary>
    public Task ForgetAsync(string emailKey, CancellationToken cancellationToken)
    {
        var subject = Throttle.SubjectOf(pepper, emailKey);
        return db.Throttles
            .Where(t => t.Subject == subject && t.Counter != Throttle.Mail && !t.Counter.StartsWith(Throttle.MailFromPrefix))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static Limit AllSources(AccountsOptions limits, bool refuses) =>
        new(Throttle.AllSources, limits.MaxFailedSignInsPerHour, Hour, refuses);

    // Parallel tries on one address each count: a conflicting write is retried on fresh rows.
    private async Task<Attempt> BeginAsync(string emailKey, IReadOnlyList<Limit> limits, CancellationToken cancellationToken)
    {
        var subject = Throttle.SubjectOf(pepper, emailKey);
        var counters = limits.Select(l => l.Counter).ToList();
        for (var tries = 1; ; tries++)
        {
            var now = clock.GetUtcNow();
            var rows = await db.Throttles.Where(t => t.Subject == subject && counters.Contains(t.Counter)).ToListAsync(cancellationToken);
            var counted = limits.Select(l => (Limit: l, Row: rows.Find(r => r.Counter == l.Counter) ?? Start(subject, l.Counter, now))).ToList();
            if (counted.Any(c => c.Limit.Refuses && c.Row.IsFull(c.Limit.Max, c.Limit.Window, now)))
            {
                Detach(counted);
                return new Attempt(db, mail, subject, [], now) { Refused = true };
            }

            foreach (var (limit, row) in counted)
            {
                row.Add(limit.Window, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Detach(counted);
                return new Attempt(db, mail, subject, counted.Select(c => new Reserved(c.Limit, c.Row.Count, c.Row.Blocks, c.Row.NextBlock(options.Value.LockoutDuration, options.Value.LongestLockout))).ToList(), now);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
            {
                // Still racing after a few tries: a flood on this address. The try is refused, never an error page.
                Detach(counted);
                if (tries == 5)
                {
                    return new Attempt(db, mail, subject, [], now) { Refused = true };
                }
            }
        }
    }

    private Throttle Start(string subject, string counter, DateTimeOffset now)
    {
        var row = Throttle.Start(subject, counter, now);
        db.Throttles.Add(row);
        return row;
    }

    // Later changes go straight to the database (each one a single atomic statement), so nothing else of the
    // caller's unit of work ever conflicts on these rows.
    private void Detach(IEnumerable<(Limit, Throttle Row)> counted)
    {
        foreach (var (_, row) in counted)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    internal sealed record Limit(string Counter, int Max, TimeSpan Window, bool Refuses)
    {
        // Only one source's (or device's) failures "in a row" end with a success; the address-wide counts never do.
        public bool Forgivable => Counter is not (Throttle.AllSources or Throttle.SecondFactorCodes or Throttle.KnownDevices or Throttle.LinkAnswers);
    }

    internal sealed record Reserved(Limit Limit, int CountedTo, int BlocksSeen, TimeSpan NextBlock);

    /// <summary>One try, already counted as a failure. Say how it ended: <see cref="FailedAsync"/>, <see cref="RightSecretAsync"/> or <see cref="SucceededAsync"/>.</summary>
    internal sealed class Attempt
    {
        private readonly AccountsDbContext _db;
        private readonly AccountMail _mail;
        private readonly string _subject;
        private readonly IReadOnlyList<Reserved> _reserved;
        private readonly DateTimeOffset _now;

        internal Attempt(AccountsDbContext db, AccountMail mail, string subject, IReadOnlyList<Reserved> reserved, DateTimeOffset now) =>
            (_db, _mail, _subject, _reserved, _now) = (db, mail, subject, reserved, now);

        /// <summary>Blocked before it was counted: the caller refuses whatever the secret (still checked, for time).</summary>
        public bool Refused { get; init; }

        /// <summary>
        /// The secret was wrong: the count stands, and the failure that fills a counter blocks it (the one that locks
        /// the whole address also mails its owner; the caller saves that mail).
        /// </summary>
        /// <returns>True when this source is now refused (the caller says "too many attempts").</returns>
        public async Task<bool> FailedAsync(Account? account, CancellationToken cancellationToken)
        {
            var refusedNow = false;
            foreach (var reserved in _reserved.Where(r => r.CountedTo >= r.Limit.Max))
            {
                // Only one of the parallel failures that filled it blocks it: the others find the block count moved on.
                var blocked = await _db.Throttles
                    .Where(t => t.Subject == _subject && t.Counter == reserved.Limit.Counter && t.Blocks == reserved.BlocksSeen && t.Count >= reserved.Limit.Max)
                    .ExecuteUpdateAsync(
                        u => u.SetProperty(t => t.BlockedUntilUtc, _now + reserved.NextBlock)
                            .SetProperty(t => t.Blocks, reserved.BlocksSeen + 1)
                            .SetProperty(t => t.Version, t => t.Version + 1),
                        cancellationToken);
                refusedNow |= reserved.Limit.Refuses;
                if (blocked == 1 && reserved.Limit.Counter == Throttle.AllSources && account is not null)
                {
                    // Not subject to the mail limit: locks are few (each lasts twice as long as the last), and flooding
                    // the address first must not hide one.
                    _mail.Queue(_db, account.Email, account.Language, "AccountLocked", ("Name", account.FirstName));
                }
            }

            return refusedNow;
        }

        /// <summary>
        /// The secret was right but the sign-in goes on (a second factor comes next): the try is not a failure, yet
        /// the source's earlier failures stand, so a known password cannot reset the count of wrong codes.
        /// </summary>
        public Task RightSecretAsync() => TakeBackAsync(forgiveSource: false);

        /// <summary>The sign-in (or re-check) is complete: the try is not a failure, and this source's are forgiven.</summary>
        public Task SucceededAsync() => TakeBackAsync(forgiveSource: true);

        // Not cancellable: a right secret must never be left counted as a failure because the browser went away.
        private async Task TakeBackAsync(bool forgiveSource)
        {
            foreach (var reserved in _reserved)
            {
                var row = _db.Throttles.Where(t => t.Subject == _subject && t.Counter == reserved.Limit.Counter);
                if (forgiveSource && reserved.Limit.Forgivable)
                {
                    await row.ExecuteDeleteAsync(CancellationToken.None);
                }
                else
                {
                    await row.Where(t => t.Count > 0).ExecuteUpdateAsync(
                        u => u.SetProperty(t => t.Count, t => t.Count - 1).SetProperty(t => t.Version, t => t.Version + 1),
                        CancellationToken.None);
                }
            }
        }
    }
}
