namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// The throttle in front of every secret typed for an email address: passwords, codes, and the answers an emailed
/// link asks for. A source (the caller's network) that fails <see cref="AccountsOptions.MaxFailedSignIns"/> times
/// in a row is blocked for <see cref="AccountsOptions.LockoutDuration"/>, twice as long each time after, so it can
/// neither guess for long nor lock the owner out of their own device. All sources together may fail
/// <see cref="AccountsOptions.MaxFailedSignInsPerHour"/> times an hour; then the address is locked for every
/// source and its owner is told by email. A reset that proves the email forgets it all.
/// </summary>
internal sealed class SignInGuard(AccountsDbContext db, ICurrentAccount caller, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Reads this address's two counters. Callers check the secret whatever they say, so time tells nothing.</summary>
    public async Task<Attempt> ForAsync(string emailKey, CancellationToken cancellationToken)
    {
        var subject = Secrets.Hash(emailKey);
        var source = Throttle.SourceKey(caller.Source);
        var rows = await db.Throttles.Where(t => t.Subject == subject && (t.Counter == source || t.Counter == Throttle.AllSources))
            .ToListAsync(cancellationToken);
        return new Attempt(db, mail, options.Value, clock.GetUtcNow(), subject, source, rows);
    }

    /// <summary>Forgets every failure and block of the address (the owner proved the email). The caller saves.</summary>
    public async Task ForgetAsync(string emailKey, CancellationToken cancellationToken)
    {
        var subject = Secrets.Hash(emailKey);
        var rows = await db.Throttles.Where(t => t.Subject == subject).ToListAsync(cancellationToken);
        db.Throttles.RemoveRange(rows.Where(r => !r.CountsMail));
    }

    internal sealed class Attempt(
        AccountsDbContext db, AccountMail mail, AccountsOptions limits, DateTimeOffset now, string subject, string source, List<Throttle> rows)
    {
        public bool IsBlocked => rows.Any(r => r.IsBlocked(now));

        /// <summary>Blocked for this source only, whatever the lock of the whole address.</summary>
        public bool IsSourceBlocked => rows.Any(r => r.Counter == source && r.IsBlocked(now));

        /// <summary>Counts a failure from this source and from all. The caller saves, with whatever else failed.</summary>
        public void Failed(Account? account)
        {
            Row(source).Record(limits.MaxFailedSignIns, Day, limits.LockoutDuration, limits.LongestLockout, now);
            var locked = Row(Throttle.AllSources).Record(limits.MaxFailedSignInsPerHour, Hour, limits.LockoutDuration, limits.LongestLockout, now);
            if (locked && account is not null)
            {
                // Not subject to the mail limit: locks are few (each lasts twice as long as the last), and flooding the
                // address first must not hide one.
                mail.Queue(db, account.Email, account.Language, "AccountLocked", ("Name", account.FirstName));
            }
        }

        /// <summary>The right secret from this source: its failures are forgiven (not those of other sources).</summary>
        public void Succeeded()
        {
            if (rows.Find(r => r.Counter == source) is { } mine)
            {
                db.Throttles.Remove(mine);
            }
        }

        private Throttle Row(string rowSource)
        {
            if (rows.Find(r => r.Counter == rowSource) is { } row)
            {
                return row;
            }

            row = Throttle.Start(subject, rowSource, now);
            rows.Add(row);
            db.Throttles.Add(row);
            return row;
        }
    }
}
